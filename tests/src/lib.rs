//! A small harness for end-to-end tests: start real `mpc-node` processes on free ports with
//! temporary base paths (killed on drop, whatever the outcome), talk to them only over their
//! public JSON-RPC, sign transactions with dev keys, and follow jobs to their result.
//!
//! Transactions and storage are encoded with the runtime's own types (`mpc-runtime`), as any
//! Rust client would; the node's binary is the one `cargo build -p mpc-node` produced.

use codec::{Decode, Encode};
use jsonrpsee::{
	core::client::ClientT,
	http_client::{HttpClient, HttpClientBuilder},
	rpc_params,
};
use mpc_runtime::{
	AccountId, Balance, Hash, Runtime, RuntimeCall, RuntimeEvent, SignedPayload,
	SubstrateExtrinsic, TxExtension,
};
use serde_json::Value;
use sp_core::{sr25519, Pair};
use sp_runtime::{generic::Era, MultiAddress, MultiSignature};
use std::{
	io::{BufRead, BufReader},
	net::TcpListener,
	path::PathBuf,
	process::{Child, Command, Stdio},
	sync::atomic::{AtomicU32, Ordering},
	time::{Duration, Instant},
};

/// A chain spec file in `dir`: `--chain local` (Alice, Bob and Charlie author and run workers)
/// with the dev accounts `extra` (e.g. `"Dave"`) added as funded MPC workers, and as Aura and
/// GRANDPA authorities too where the flag says so.
pub fn local_spec_with(dir: &std::path::Path, extra: &[(&str, bool)]) -> PathBuf {
	use sp_core::crypto::Ss58Codec;
	let out = Command::new(node_binary())
		.args(["build-spec", "--chain", "local"])
		.output()
		.expect("build-spec");
	assert!(out.status.success(), "build-spec: {}", String::from_utf8_lossy(&out.stderr));
	let mut spec: Value = serde_json::from_slice(&out.stdout).expect("a JSON spec");
	let patch = &mut spec["genesis"]["runtimeGenesis"]["patch"];
	let endowment = patch["balances"]["balances"][0][1].clone();
	for (name, authority) in extra {
		let (worker, secret) = mpc::dev_worker_secret(&format!("//{name}"));
		if *authority {
			let aura = sr25519::Pair::from_string(&format!("//{name}"), None).expect("seed");
			assert_eq!(
				worker.to_ss58check(),
				AccountId::from(
					sp_core::ed25519::Pair::from_string(&format!("//{name}"), None)
						.expect("seed")
						.public()
				)
				.to_ss58check(),
				"a dev worker's account is its ed25519 key, also its GRANDPA key"
			);
			patch["aura"]["authorities"]
				.as_array_mut()
				.expect("aura")
				.push(aura.public().to_ss58check().into());
			patch["grandpa"]["authorities"]
				.as_array_mut()
				.expect("grandpa")
				.push(serde_json::json!([worker.to_ss58check(), 1]));
		}
		patch["balances"]["balances"]
			.as_array_mut()
			.expect("balances")
			.push(serde_json::json!([worker.to_ss58check(), endowment.clone()]));
		let key: Vec<u8> = secret.public_key().to_bytes().to_vec();
		patch["mpc"]["workers"]
			.as_array_mut()
			.expect("workers")
			.push(serde_json::json!([worker.to_ss58check(), key]));
	}
	let names: Vec<&str> = extra.iter().map(|(n, _)| *n).collect();
	let path = dir.join(format!("local-with-{}.json", names.join("-").to_lowercase()));
	std::fs::write(&path, serde_json::to_vec_pretty(&spec).expect("json")).expect("spec file");
	path
}

/// A `--chain local` network whose pool has `n` workers: Alice, Bob and Charlie authoring and
/// running their workers, and workers `W04..` added at genesis whose keys Alice's node holds
/// (put in its keystore over RPC before block 1), so one node runs `n - 2` members' offchain
/// work. Returns the nodes, a client of Alice's node, and the directory of the chain spec (the
/// caller removes it).
pub async fn scale_network(tag: &str, n: usize) -> (Vec<Node>, Client, PathBuf) {
	let dir = std::env::temp_dir().join(format!("mpc-e2e-{tag}-{n}-{}", std::process::id()));
	std::fs::create_dir_all(&dir).expect("dir");
	let names: Vec<String> = (4..=n).map(|i| format!("W{i:02}")).collect();
	let extra: Vec<(&str, bool)> = names.iter().map(|n| (n.as_str(), false)).collect();
	let spec = local_spec_with(&dir, &extra);
	let spec = spec.to_str().expect("path");
	let mut nodes = Node::start_network(
		spec,
		&["alice", "bob", "charlie"],
		&["--force-authoring", "--rpc-methods", "unsafe"],
	);
	let client = nodes[0].client(Duration::from_secs(180)).await;
	for name in &names {
		let suri = format!("//{name}");
		let public = sp_core::ed25519::Pair::from_string(&suri, None).expect("seed").public().0;
		client.insert_key("mpcw", &suri, public).await;
	}
	(nodes, client, dir)
}

/// The node binary: `MPC_NODE` if set, else `target/debug/mpc-node` of this workspace.
pub fn node_binary() -> PathBuf {
	if let Ok(path) = std::env::var("MPC_NODE") {
		return PathBuf::from(path);
	}
	let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
	let target = std::env::var("CARGO_TARGET_DIR")
		.map(PathBuf::from)
		.unwrap_or_else(|_| manifest.join("..").join("target"));
	target.join("debug").join("mpc-node")
}

/// A port no other node of this test process was given and nothing listens on now.
///
/// Ports come from below the kernel's ephemeral range (32768 and up on Linux), walked by a
/// counter from a start that depends on the process id. A port asked of the kernel (`:0`) is
/// free only until the next such request: two nodes started close together could be handed the
/// same one before either binds it, and the node that loses falls back to another RPC port that
/// the test never learns (seen in CI: "RPC did not answer" from a node producing blocks).
fn free_port() -> u16 {
	const LOW: u32 = 10_000;
	const SPAN: u32 = 22_000;
	static NEXT: AtomicU32 = AtomicU32::new(0);
	let start = std::process::id().wrapping_mul(7919) % SPAN;
	for _ in 0..SPAN {
		let step = NEXT.fetch_add(1, Ordering::Relaxed);
		let port = (LOW + (start + step) % SPAN) as u16;
		if TcpListener::bind(("127.0.0.1", port)).is_ok() {
			return port;
		}
	}
	panic!("no free local port below the ephemeral range");
}

/// A running node; killed, and its base path removed, on drop.
pub struct Node {
	child: Child,
	args: Vec<String>,
	/// The node's name in logs.
	pub name: String,
	/// JSON-RPC port on 127.0.0.1.
	pub rpc_port: u16,
	/// P2P port on 127.0.0.1.
	pub p2p_port: u16,
	base: PathBuf,
}

impl Node {
	/// Starts `mpc-node` with `args` plus ports, a fresh base path and local-only networking.
	pub fn start(name: &str, args: &[&str]) -> Node {
		let rpc_port = free_port();
		let p2p_port = free_port();
		let nanos = std::time::SystemTime::now()
			.duration_since(std::time::UNIX_EPOCH)
			.map(|d| d.as_nanos())
			.unwrap_or_default();
		let base = std::env::temp_dir()
			.join(format!("mpc-e2e-{name}-{}-{nanos}-{rpc_port}", std::process::id()));
		let _ = std::fs::remove_dir_all(&base);
		std::fs::create_dir_all(&base).expect("base path");
		let mut all: Vec<String> = args.iter().map(|a| a.to_string()).collect();
		all.extend([
			"--base-path".into(),
			base.to_str().expect("utf-8 path").into(),
			"--rpc-port".into(),
			rpc_port.to_string(),
			"--listen-addr".into(),
			format!("/ip4/127.0.0.1/tcp/{p2p_port}"),
			"--no-prometheus".into(),
			"--no-telemetry".into(),
			"--no-mdns".into(),
			"--name".into(),
			name.into(),
		]);
		let child = Self::spawn(&all, &base);
		Node { child, args: all, name: name.into(), rpc_port, p2p_port, base }
	}

	fn spawn(args: &[String], base: &std::path::Path) -> Child {
		let log = std::fs::OpenOptions::new()
			.create(true)
			.append(true)
			.open(base.join("node.log"))
			.expect("log file");
		Command::new(node_binary())
			.args(args)
			.stdout(Stdio::null())
			.stderr(log)
			.spawn()
			.unwrap_or_else(|e| panic!("starting {}: {e}", node_binary().display()))
	}

	/// Starts the node again after [`Node::kill`], on the same database.
	pub fn restart(&mut self) {
		self.child = Self::spawn(&self.args, &self.base);
	}

	/// This node's libp2p address, for `--bootnodes` (needs a fixed `--node-key`).
	pub fn multiaddr(&self, node_key: &str) -> String {
		let key_file = self.base.join("node-key");
		std::fs::write(&key_file, node_key).expect("node key file");
		let out = Command::new(node_binary())
			.args(["key", "inspect-node-key", "--file", key_file.to_str().expect("path")])
			.output()
			.expect("key inspect-node-key");
		let peer = String::from_utf8_lossy(&out.stdout).trim().to_string();
		format!("/ip4/127.0.0.1/tcp/{}/p2p/{peer}", self.p2p_port)
	}

	/// One node per dev seed (`"alice"`, ...) on the chain spec `spec`, each with its seed's
	/// keys (`--alice`) and a fixed node key: the first with `first_args` as well (e.g.
	/// `--force-authoring`), the others booting from it.
	pub fn start_network(spec: &str, seeds: &[&str], first_args: &[&str]) -> Vec<Node> {
		let node_key = |i: usize| format!("{:064x}", i + 1);
		let mut nodes: Vec<Node> = Vec::new();
		let mut boot = String::new();
		for (i, seed) in seeds.iter().enumerate() {
			let key = node_key(i);
			let flag = format!("--{seed}");
			let mut args: Vec<&str> = vec!["--chain", spec, &flag, "--node-key", &key];
			if i == 0 {
				args.extend(first_args);
			} else {
				args.extend(["--bootnodes", &boot]);
			}
			let node = Node::start(seed, &args);
			if i == 0 {
				boot = node.multiaddr(&node_key(0));
			}
			nodes.push(node);
		}
		nodes
	}

	/// A single-node development chain.
	pub fn dev() -> Node {
		Node::start("dev", &["--dev"])
	}

	/// `http://127.0.0.1:<rpc port>`.
	pub fn url(&self) -> String {
		format!("http://127.0.0.1:{}", self.rpc_port)
	}

	/// The last `lines` lines of the node's log.
	pub fn log_tail(&self, lines: usize) -> String {
		let Ok(file) = std::fs::File::open(self.base.join("node.log")) else {
			return String::new();
		};
		let all: Vec<String> = BufReader::new(file).lines().map_while(Result::ok).collect();
		all[all.len().saturating_sub(lines)..].join("\n")
	}

	/// Panics with the log's tail if the process has exited.
	pub fn assert_running(&mut self) {
		if let Ok(Some(status)) = self.child.try_wait() {
			panic!("node {} exited ({status}):\n{}", self.name, self.log_tail(40));
		}
	}

	/// Waits for the node's RPC and connects to it.
	pub async fn client(&mut self, timeout: Duration) -> Client {
		let start = Instant::now();
		loop {
			self.assert_running();
			if let Some(client) = Client::try_connect(&self.url()).await {
				return client;
			}
			assert!(start.elapsed() < timeout, "node {}: RPC did not answer", self.name);
			tokio::time::sleep(Duration::from_millis(250)).await;
		}
	}

	/// Stops the node (as a crash would: SIGKILL).
	pub fn kill(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		if std::thread::panicking() {
			eprintln!("---- last lines of node {} ----\n{}", self.name, self.log_tail(60));
		}
		self.kill();
		let _ = std::fs::remove_dir_all(&self.base);
	}
}

/// What an included transaction did.
#[derive(Debug)]
pub struct Inclusion {
	/// The block that included it.
	pub block: u32,
	/// Its events.
	pub events: Vec<RuntimeEvent>,
	/// The fee it paid (from `TransactionFeePaid`).
	pub fee: Balance,
}

/// A JSON-RPC client of one node.
pub struct Client {
	http: HttpClient,
	/// The chain's genesis hash.
	pub genesis: Hash,
	spec_version: u32,
	tx_version: u32,
}

fn hex_of(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

fn bytes_of(v: &Value) -> Vec<u8> {
	let s = v.as_str().unwrap_or_default();
	hex::decode(s.trim_start_matches("0x")).expect("hex from the node")
}

fn hash_of(v: &Value) -> Hash {
	Hash::from_slice(&bytes_of(v))
}

impl Client {
	/// Connects if the node's RPC answers.
	pub async fn try_connect(url: &str) -> Option<Client> {
		let http = HttpClientBuilder::default()
			.request_timeout(Duration::from_secs(30))
			.max_request_size(64 * 1024 * 1024)
			.max_response_size(64 * 1024 * 1024)
			.build(url)
			.ok()?;
		let genesis: Value = http.request("chain_getBlockHash", rpc_params![0u32]).await.ok()?;
		if !genesis.is_string() {
			return None;
		}
		let version: Value = http.request("state_getRuntimeVersion", rpc_params![]).await.ok()?;
		Some(Client {
			http,
			genesis: hash_of(&genesis),
			spec_version: version["specVersion"].as_u64()? as u32,
			tx_version: version["transactionVersion"].as_u64()? as u32,
		})
	}

	async fn call(&self, method: &str, params: jsonrpsee::core::params::ArrayParams) -> Value {
		self.http
			.request(method, params)
			.await
			.unwrap_or_else(|e| panic!("RPC {method} failed: {e}"))
	}

	/// The best block's number.
	pub async fn best_number(&self) -> u32 {
		let header = self.call("chain_getHeader", rpc_params![]).await;
		let n = header["number"].as_str().expect("number");
		u32::from_str_radix(n.trim_start_matches("0x"), 16).expect("hex number")
	}

	/// The best block's hash.
	pub async fn best_hash(&self) -> Hash {
		hash_of(&self.call("chain_getBlockHash", rpc_params![]).await)
	}

	/// How many peers the node is connected to (`system_health`).
	pub async fn peers(&self) -> u64 {
		self.call("system_health", rpc_params![]).await["peers"].as_u64().unwrap_or_default()
	}

	/// Drops a reserved peer by its peer id (needs `--rpc-methods unsafe`); with
	/// `--reserved-only` the node disconnects from it.
	pub async fn remove_reserved_peer(&self, peer_id: &str) {
		self.call("system_removeReservedPeer", rpc_params![peer_id]).await;
	}

	/// Puts the key of secret URI `suri` (e.g. `//W04`) with `public` into the node's keystore
	/// as a `key_type` key (`author_insertKey`, needs `--rpc-methods unsafe`).
	pub async fn insert_key(&self, key_type: &str, suri: &str, public: [u8; 32]) {
		let public = format!("0x{}", hex::encode(public));
		self.call("author_insertKey", rpc_params![key_type, suri, public]).await;
	}

	/// Adds a reserved peer by its multiaddress (needs `--rpc-methods unsafe`).
	pub async fn add_reserved_peer(&self, multiaddr: &str) {
		self.call("system_addReservedPeer", rpc_params![multiaddr]).await;
	}

	/// The finalized block's number.
	pub async fn finalized_number(&self) -> u32 {
		let hash = self.call("chain_getFinalizedHead", rpc_params![]).await;
		let header = self.call("chain_getHeader", rpc_params![hash]).await;
		let n = header["number"].as_str().expect("number");
		u32::from_str_radix(n.trim_start_matches("0x"), 16).expect("hex number")
	}

	/// The hash of block `n`, once it exists.
	pub async fn block_hash(&self, n: u32) -> Option<Hash> {
		let v = self.call("chain_getBlockHash", rpc_params![n]).await;
		v.is_string().then(|| hash_of(&v))
	}

	/// Waits until the best block is at least `n`.
	pub async fn wait_for_block(&self, n: u32, timeout: Duration) {
		let start = Instant::now();
		while self.best_number().await < n {
			assert!(start.elapsed() < timeout, "block {n} did not come");
			tokio::time::sleep(Duration::from_millis(200)).await;
		}
	}

	/// Raw storage at `at` (or the best block).
	pub async fn storage_raw(&self, key: &[u8], at: Option<Hash>) -> Option<Vec<u8>> {
		let v = self.call("state_getStorage", rpc_params![hex_of(key), at]).await;
		v.is_string().then(|| bytes_of(&v))
	}

	/// A runtime API call, decoded.
	pub async fn runtime_api<R: Decode>(&self, method: &str, args: impl Encode) -> R {
		let v = self.call("state_call", rpc_params![method, hex_of(&args.encode())]).await;
		R::decode(&mut &bytes_of(&v)[..]).unwrap_or_else(|e| panic!("decoding {method}: {e}"))
	}

	/// An account's balances (free, reserved/held) and nonce, at the best block.
	pub async fn account(&self, who: &AccountId) -> (Balance, Balance, u32) {
		let key = frame_system::Account::<Runtime>::hashed_key_for(who);
		match self.storage_raw(&key, None).await {
			Some(raw) => {
				let info = frame_system::AccountInfo::<u32, pallet_balances::AccountData<Balance>>::decode(
					&mut &raw[..],
				)
				.expect("account info");
				(info.data.free, info.data.reserved, info.nonce)
			}
			None => (0, 0, 0),
		}
	}

	/// The events of block `hash`.
	pub async fn events(&self, hash: Hash) -> Vec<frame_system::EventRecord<RuntimeEvent, Hash>> {
		let key = frame_support::storage::storage_prefix(b"System", b"Events");
		self.storage_raw(&key, Some(hash))
			.await
			.map(|raw| Vec::decode(&mut &raw[..]).expect("events"))
			.unwrap_or_default()
	}

	/// The encoded extrinsics of block `hash`.
	pub async fn extrinsics(&self, hash: Hash) -> Vec<Vec<u8>> {
		let block = self.call("chain_getBlock", rpc_params![hash]).await;
		block["block"]["extrinsics"]
			.as_array()
			.map(|x| x.iter().map(bytes_of).collect())
			.unwrap_or_default()
	}

	/// The timestamp of block `hash` (`Timestamp::Now`), in milliseconds.
	pub async fn timestamp(&self, hash: Hash) -> u64 {
		let key = frame_support::storage::storage_prefix(b"Timestamp", b"Now");
		let raw = self.storage_raw(&key, Some(hash)).await.expect("every block has a timestamp");
		u64::decode(&mut &raw[..]).expect("a u64")
	}

	/// Seconds between the timestamps of blocks `from` and `to` of the best chain.
	pub async fn seconds_between(&self, from: u32, to: u32) -> f64 {
		let at = |n| async move { self.timestamp(self.block_hash(n).await.expect("block")).await };
		(at(to).await.saturating_sub(at(from).await)) as f64 / 1000.0
	}

	/// Signs `call` by `signer` with its next on-chain nonce and submits it.
	pub async fn submit(&self, signer: &sr25519::Pair, call: RuntimeCall) -> Vec<u8> {
		let who = AccountId::from(signer.public());
		self.submit_as(who, |p| MultiSignature::Sr25519(signer.sign(p)), call).await
	}

	/// Signs `call` by the ed25519 key `signer` (a worker key: its account is the key) with
	/// its next on-chain nonce and submits it.
	pub async fn submit_ed25519(
		&self,
		signer: &sp_core::ed25519::Pair,
		call: RuntimeCall,
	) -> Vec<u8> {
		let who = AccountId::from(signer.public());
		self.submit_as(who, |p| MultiSignature::Ed25519(signer.sign(p)), call).await
	}

	/// Signs `call` as `who` with `sign` and its next on-chain nonce, and submits it.
	pub async fn submit_as(
		&self,
		who: AccountId,
		sign: impl Fn(&[u8]) -> MultiSignature,
		call: RuntimeCall,
	) -> Vec<u8> {
		match self.try_submit_as(who, sign, call).await {
			Ok(xt) => xt,
			Err(e) => panic!("the node refused the transaction: {e}"),
		}
	}

	/// [`Client::submit_as`], `Err` with the node's answer if it refuses the transaction.
	pub async fn try_submit_as(
		&self,
		who: AccountId,
		sign: impl Fn(&[u8]) -> MultiSignature,
		call: RuntimeCall,
	) -> Result<Vec<u8>, String> {
		let payload = self.signing_payload(&who, call).await;
		let signature = payload.using_encoded(|p| sign(p));
		self.try_submit_signed(who, payload, signature).await
	}

	/// What `who` signs to send `call` with its next on-chain nonce, immortal: the payload
	/// (`using_encoded` gives the bytes to sign, hashed when longer than 256 bytes).
	pub async fn signing_payload(&self, who: &AccountId, call: RuntimeCall) -> SignedPayload {
		let nonce = self.call("system_accountNextIndex", rpc_params![who.to_string()]).await;
		let nonce = nonce.as_u64().expect("nonce") as u32;
		let extension: TxExtension = mpc_runtime::tx_extension(nonce, Era::Immortal);
		let implicit = (
			(),
			(),
			self.spec_version,
			self.tx_version,
			self.genesis,
			self.genesis,
			(),
			(),
			((), ()),
			(),
			(),
			(),
		);
		SignedPayload::from_raw(call, extension, implicit)
	}

	/// Submits `payload` signed by `who` with `signature`; returns the extrinsic.
	///
	/// # Panics
	/// If the node refuses it.
	pub async fn submit_signed(
		&self,
		who: AccountId,
		payload: SignedPayload,
		signature: MultiSignature,
	) -> Vec<u8> {
		match self.try_submit_signed(who, payload, signature).await {
			Ok(xt) => xt,
			Err(e) => panic!("the node refused the transaction: {e}"),
		}
	}

	/// [`Client::submit_signed`], `Err` with the node's answer if it refuses the transaction.
	pub async fn try_submit_signed(
		&self,
		who: AccountId,
		payload: SignedPayload,
		signature: MultiSignature,
	) -> Result<Vec<u8>, String> {
		let (call, extension, _) = payload.deconstruct();
		let xt = SubstrateExtrinsic::new_signed(call, MultiAddress::Id(who), signature, extension)
			.encode();
		self.http
			.request::<Value, _>("author_submitExtrinsic", rpc_params![hex_of(&xt)])
			.await
			.map_err(|e| e.to_string())?;
		Ok(xt)
	}

	/// Signs `call` by `signer` with its next on-chain nonce and submits it; `Err` with the
	/// node's answer if it refuses the transaction.
	pub async fn try_submit(
		&self,
		signer: &sr25519::Pair,
		call: RuntimeCall,
	) -> Result<Vec<u8>, String> {
		let who = AccountId::from(signer.public());
		self.try_submit_as(who, |p| MultiSignature::Sr25519(signer.sign(p)), call).await
	}

	/// Submits and waits for inclusion; `Err` with the dispatch error if it failed.
	pub async fn submit_and_wait(
		&self,
		signer: &sr25519::Pair,
		call: RuntimeCall,
	) -> Result<Inclusion, String> {
		let from = self.best_number().await;
		let xt = self.submit(signer, call).await;
		self.wait_for_inclusion(&xt, from, Duration::from_secs(60)).await
	}

	/// Finds the extrinsic `xt` in blocks after `from` and returns what it did.
	pub async fn wait_for_inclusion(
		&self,
		xt: &[u8],
		from: u32,
		timeout: Duration,
	) -> Result<Inclusion, String> {
		let start = Instant::now();
		let mut next = from + 1;
		loop {
			while let Some(hash) = self.block_hash(next).await {
				let extrinsics = self.extrinsics(hash).await;
				if let Some(index) = extrinsics.iter().position(|x| x == xt) {
					let mine = events_of(&self.events(hash).await, index);
					let fee = fee_paid(&mine);
					if let Some(failed) = mine.iter().find_map(|e| match e {
						RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
							dispatch_error,
							..
						}) => Some(*dispatch_error),
						_ => None,
					}) {
						return Err(describe(failed));
					}
					return Ok(Inclusion { block: next, events: mine, fee });
				}
				next += 1;
			}
			if start.elapsed() > timeout {
				return Err("not included in time".into());
			}
			tokio::time::sleep(Duration::from_millis(200)).await;
		}
	}
}

/// The events of extrinsic `index` among a block's event records.
pub fn events_of(
	records: &[frame_system::EventRecord<RuntimeEvent, Hash>],
	index: usize,
) -> Vec<RuntimeEvent> {
	records
		.iter()
		.filter(|r| r.phase == frame_system::Phase::ApplyExtrinsic(index as u32))
		.map(|r| r.event.clone())
		.collect()
}

/// The fee an extrinsic paid, from its `TransactionFeePaid` (0 without one).
pub fn fee_paid(events: &[RuntimeEvent]) -> Balance {
	events
		.iter()
		.find_map(|e| match e {
			RuntimeEvent::TransactionPayment(
				pallet_transaction_payment::Event::TransactionFeePaid { actual_fee, .. },
			) => Some(*actual_fee),
			_ => None,
		})
		.unwrap_or(0)
}

/// A dispatch error with the pallet error's name where it has one.
pub fn describe(error: sp_runtime::DispatchError) -> String {
	if let sp_runtime::DispatchError::Module(m) = error {
		let mpc_index =
			<mpc_runtime::Mpc as frame_support::traits::PalletInfoAccess>::index() as u8;
		if m.index == mpc_index {
			if let Ok(e) = pallet_mpc_error(&m.error) {
				return format!("Mpc.{e}");
			}
		}
	}
	format!("{error:?}")
}

fn pallet_mpc_error(bytes: &[u8; 4]) -> Result<String, codec::Error> {
	let e = mpc_runtime::pallet_mpc::Error::<Runtime>::decode(&mut &bytes[..])?;
	let name: &'static str = e.into();
	Ok(name.to_string())
}

/// Following an MPC job over RPC.
pub mod mpc {
	use super::*;
	use mpc_runtime::pallet_mpc::{self, JobId, JobPhase};
	use mpc_runtime::{MpcCommitteeMember, MpcJob, MpcJobResult, MpcProof, MpcWorkerInfo};

	/// The job a `JobCreated` among `events` created.
	pub fn job_created(events: &[RuntimeEvent]) -> Option<JobId> {
		events.iter().find_map(|e| match e {
			RuntimeEvent::Mpc(pallet_mpc::Event::JobCreated { job_id, .. }) => Some(*job_id),
			_ => None,
		})
	}

	/// A job, through `MpcApi_job`.
	pub async fn job(client: &Client, id: JobId) -> Option<MpcJob> {
		client.runtime_api("MpcApi_job", id).await
	}

	/// A job's committee, through `MpcApi_committee`.
	pub async fn committee(client: &Client, id: JobId) -> Vec<MpcCommitteeMember> {
		client.runtime_api("MpcApi_committee", id).await
	}

	/// A job's result, through `MpcApi_result`.
	pub async fn result(client: &Client, id: JobId) -> Option<MpcJobResult> {
		client.runtime_api("MpcApi_result", id).await
	}

	/// A job's record, through `MpcApi_proof_of_mpc`.
	pub async fn record(client: &Client, id: JobId) -> Option<MpcProof> {
		client.runtime_api("MpcApi_proof_of_mpc", id).await
	}

	/// A worker, through `MpcApi_worker`.
	pub async fn worker(client: &Client, who: &AccountId) -> Option<MpcWorkerInfo> {
		client.runtime_api("MpcApi_worker", who).await
	}

	/// The protocol's `genesis`: the block hash of block 0, not `MpcApi_genesis`: in the state of block 0 itself (a
	/// client that asks before block 1) the runtime does not know its genesis hash yet.
	pub async fn genesis(client: &Client) -> [u8; 32] {
		client.block_hash(0).await.expect("a genesis block").into()
	}

	/// Deals `values` for `provider` to job `id`'s committee, proves them valid under the
	/// job's input rule (PROTOCOL.md section 12), and submits the input.
	pub async fn submit_input(
		client: &Client,
		provider: &sr25519::Pair,
		id: JobId,
		values: &[i128],
		seed: u64,
	) -> Result<Inclusion, String> {
		use rand_core::SeedableRng;
		let job = job(client, id).await.ok_or("no such job")?;
		let keys: Vec<_> = committee(client, id).await.iter().map(|m| m.key).collect();
		let who = AccountId::from(provider.public());
		let ctx = mpc_primitives::InputContext::new(genesis(client).await, id, *who.as_ref());
		let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(seed);
		let rule = job.input_rule.to_vec();
		let (s, validity) =
			mpc_primitives::deal_with_rule(&ctx, &keys, job.shape.t(), values, &rule, &mut rng)
				.map_err(|e| format!("dealing: {e}"))?;
		submit_proven(client, provider, id, s, validity).await
	}

	/// Submits an already dealt input (for tests that tamper with a dealing first), to a job
	/// without an input rule.
	pub async fn submit_dealt(
		client: &Client,
		provider: &sr25519::Pair,
		id: JobId,
		s: mpc_primitives::Submission,
	) -> Result<Inclusion, String> {
		submit_proven(client, provider, id, s, Vec::new()).await
	}

	/// Submits an already dealt input with its validity proof (`validity`, PROTOCOL.md
	/// section 12).
	pub async fn submit_proven(
		client: &Client,
		provider: &sr25519::Pair,
		id: JobId,
		s: mpc_primitives::Submission,
		validity: Vec<u8>,
	) -> Result<Inclusion, String> {
		let submission = pallet_mpc::BoundedSubmission::<Runtime>::try_from(s)
			.map_err(|e| format!("beyond the runtime's bounds: {e:?}"))?;
		let validity = validity.try_into().map_err(|_| "validity proof too long")?;
		// The committee dealt to (the tests deal and submit with no block in between).
		let committee_digest = pallet_mpc::committee_digest(&committee(client, id).await);
		let call = RuntimeCall::Mpc(pallet_mpc::Call::submit_input {
			job_id: id,
			committee_digest,
			submission,
			validity,
		});
		client.submit_and_wait(provider, call).await
	}

	/// Creates a job; returns its id.
	pub async fn create_job(
		client: &Client,
		owner: &sr25519::Pair,
		spec: pallet_mpc::JobSpec<Runtime>,
	) -> Result<(JobId, Inclusion), String> {
		let inclusion = client
			.submit_and_wait(owner, RuntimeCall::Mpc(pallet_mpc::Call::create_job { spec }))
			.await?;
		let id = job_created(&inclusion.events).ok_or("no JobCreated event")?;
		Ok((id, inclusion))
	}

	/// Creates a job and waits until its committee is drawn (a job that needs a draw waits
	/// for its beacon round, PROTOCOL.md section 11.7); returns its id and the creation.
	pub async fn create_drawn_job(
		client: &Client,
		owner: &sr25519::Pair,
		spec: pallet_mpc::JobSpec<Runtime>,
		timeout: Duration,
	) -> Result<(JobId, Inclusion), String> {
		let (id, inclusion) = create_job(client, owner, spec).await?;
		let job = wait_for(client, id, timeout, |j| j.phase != JobPhase::Drawing).await;
		if job.phase != JobPhase::Collecting {
			return Err(format!("job {id} ended without a committee: {:?}", job.phase));
		}
		Ok((id, inclusion))
	}

	/// A job spec with the given shape and sensible defaults (decimals 2, reward 1 token).
	pub fn spec(n: u32, t: u32, d: u32, max_inputs: u32) -> pallet_mpc::JobSpec<Runtime> {
		pallet_mpc::JobSpec {
			committee_size: n,
			threshold: t,
			dimension: d,
			decimals: 2,
			input_window: 60,
			max_inputs,
			min_inputs: 1,
			allowed_providers: None,
			metadata: b"e2e".to_vec().try_into().expect("short"),
			reward_per_worker: mpc_runtime::UNIT,
			input_rule: pallet_mpc::InputRule::None,
		}
	}

	/// Funds `accounts` with `amount` each from `from`, one transfer at a time.
	pub async fn fund(
		client: &Client,
		from: &sr25519::Pair,
		accounts: &[AccountId],
		amount: Balance,
	) {
		for a in accounts {
			let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: a.clone().into(),
				value: amount,
			});
			client.submit_and_wait(from, call).await.expect("funded");
		}
	}

	/// The encryption secret a node derives for the dev worker key with this seed.
	pub fn dev_worker_secret(seed: &str) -> (AccountId, mpc_primitives::WorkerSecret) {
		let (account, secret) = mpc_offchain_worker::dev_worker_secret(seed);
		(AccountId::new(account), secret)
	}

	/// A job's figures, read back from the chain once it has an outcome: how long it took from
	/// the end of its input window to its result (or failure), in blocks and in seconds of
	/// block time, and the transactions sent for it, with their fees.
	#[derive(Clone, Debug, PartialEq)]
	pub struct Figures {
		/// The block at which collecting ended.
		pub inputs_closed: u32,
		/// The block of the result, or of the failure.
		pub outcome: u32,
		/// `outcome - inputs_closed`.
		pub blocks: u32,
		/// Block time from `inputs_closed` to `outcome` (block timestamps).
		pub seconds: f64,
		/// Transactions of the owner and the providers: `create_job`, `submit_input`,
		/// `close_inputs`, `cancel_job`, `remove_job`.
		pub client_transactions: u32,
		/// Fees paid for them (planck).
		pub client_fees: Balance,
		/// Transactions of the workers: complaints and result shares.
		pub worker_transactions: u32,
		/// Fees the workers paid for them, after refunds (planck).
		pub worker_fees: Balance,
	}

	impl std::fmt::Display for Figures {
		fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
			write!(
				f,
				"input window closed at block {} -> outcome at block {}: {} blocks, {:.1} s; \
				 {} transactions ({} client, {} worker), fees {} planck ({} client, {} worker)",
				self.inputs_closed,
				self.outcome,
				self.blocks,
				self.seconds,
				self.client_transactions + self.worker_transactions,
				self.client_transactions,
				self.worker_transactions,
				self.client_fees + self.worker_fees,
				self.client_fees,
				self.worker_fees,
			)
		}
	}

	/// The job a call is for, if it is an MPC call about a job, and whether a worker sends it.
	fn job_of(call: &RuntimeCall) -> Option<(Option<JobId>, bool)> {
		use pallet_mpc::Call as C;
		match call {
			RuntimeCall::Mpc(C::create_job { .. }) => Some((None, false)),
			RuntimeCall::Mpc(
				C::cancel_job { job_id }
				| C::close_inputs { job_id }
				| C::submit_input { job_id, .. }
				| C::remove_job { job_id },
			) => Some((Some(*job_id), false)),
			RuntimeCall::Mpc(
				C::complain { job_id, .. } | C::submit_result_share { job_id, .. },
			) => Some((Some(*job_id), true)),
			_ => None,
		}
	}

	/// The figures of job `id`, which must have its outcome (a result or a failure): scans
	/// the blocks from its creation to its outcome, or to its settlement when it has one.
	pub async fn figures(client: &Client, id: JobId) -> Figures {
		let job = job(client, id).await.expect("the job exists");
		let t = &job.timeline;
		let inputs_closed = t.inputs_closed.expect("the input window ended");
		let outcome = t.completed.or(t.ended).expect("the job has an outcome");
		let last = t.ended.unwrap_or(outcome).max(outcome);
		let mut figures = Figures {
			inputs_closed,
			outcome,
			blocks: outcome - inputs_closed,
			seconds: 0.0,
			client_transactions: 0,
			client_fees: 0,
			worker_transactions: 0,
			worker_fees: 0,
		};
		for n in t.created..=last {
			let hash = client.block_hash(n).await.expect("the block exists");
			let events = client.events(hash).await;
			for (index, raw) in client.extrinsics(hash).await.iter().enumerate() {
				let Ok(xt) = SubstrateExtrinsic::decode(&mut &raw[..]) else { continue };
				let Some((about, by_worker)) = job_of(&xt.function) else { continue };
				let mine = events_of(&events, index);
				if about.or_else(|| job_created(&mine)) != Some(id) {
					continue;
				}
				let fee = fee_paid(&mine);
				if by_worker {
					figures.worker_transactions += 1;
					figures.worker_fees += fee;
				} else {
					figures.client_transactions += 1;
					figures.client_fees += fee;
				}
			}
		}
		let closed_hash = client.block_hash(inputs_closed).await.expect("block");
		let outcome_hash = client.block_hash(outcome).await.expect("block");
		let millis = client.timestamp(outcome_hash).await - client.timestamp(closed_hash).await;
		figures.seconds = millis as f64 / 1000.0;
		figures
	}

	/// Waits until `check` holds for the job, polling every block; returns the job then.
	pub async fn wait_for(
		client: &Client,
		id: JobId,
		timeout: Duration,
		check: impl Fn(&MpcJob) -> bool,
	) -> MpcJob {
		let start = Instant::now();
		loop {
			if let Some(j) = job(client, id).await {
				if check(&j) {
					return j;
				}
			}
			assert!(start.elapsed() < timeout, "job {id}: condition not reached in time");
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}
}

/// Threshold keys (PROTOCOL.md section 14): reading keys and signing requests, asking for a
/// signature.
pub mod keys {
	use super::*;
	use mpc_runtime::pallet_mpc::{self, KeyStatus, SignRequest, SignState, ThresholdKey};

	/// Key `id`, read from storage at the best block.
	pub async fn key(client: &Client, id: u64) -> Option<ThresholdKey<Runtime>> {
		let key = pallet_mpc::ThresholdKeys::<Runtime>::hashed_key_for(id);
		let raw = client.storage_raw(&key, None).await?;
		Some(Decode::decode(&mut &raw[..]).expect("a threshold key"))
	}

	/// Signing request `id`, read from storage at the best block.
	pub async fn request(client: &Client, id: u64) -> Option<SignRequest<Runtime>> {
		let key = pallet_mpc::SignRequests::<Runtime>::hashed_key_for(id);
		let raw = client.storage_raw(&key, None).await?;
		Some(Decode::decode(&mut &raw[..]).expect("a signing request"))
	}

	/// Requests a key of `n` with threshold `t` by `owner`; returns its id and the block the
	/// request landed in.
	pub async fn create(client: &Client, owner: &sr25519::Pair, n: u32, t: u32) -> (u64, u32) {
		let call =
			RuntimeCall::Mpc(pallet_mpc::Call::create_key { committee_size: n, threshold: t });
		let inclusion = client.submit_and_wait(owner, call).await.expect("key requested");
		let id = inclusion
			.events
			.iter()
			.find_map(|e| match e {
				RuntimeEvent::Mpc(pallet_mpc::Event::KeyRequested { key, .. }) => Some(*key),
				_ => None,
			})
			.expect("a KeyRequested event");
		(id, inclusion.block)
	}

	/// Waits until key `id` is active; returns `Y`. Panics if it fails.
	pub async fn wait_active(client: &Client, id: u64, timeout: Duration) -> [u8; 32] {
		let start = Instant::now();
		loop {
			if let Some(key) = key(client, id).await {
				match key.status {
					KeyStatus::Active { group_key, .. } => return group_key,
					KeyStatus::Failed { .. } => panic!("key {id} failed"),
					_ => {}
				}
			}
			assert!(start.elapsed() < timeout, "key {id} not made in time");
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}

	/// Waits until key `id` completed `epoch` refreshes; returns its member identifiers and
	/// the block it was seen in. Panics if a refresh fails.
	pub async fn wait_refreshed(
		client: &Client,
		id: u64,
		epoch: usize,
		timeout: Duration,
	) -> (Vec<u32>, u32) {
		let start = Instant::now();
		loop {
			if let Some(key) = key(client, id).await {
				if let KeyStatus::Active { refreshes, ids, refreshing, .. } = key.status {
					if refreshes.len() >= epoch && refreshing.is_none() {
						let ids = ids.iter().map(|i| i.get()).collect();
						return (ids, client.best_number().await);
					}
				}
			}
			assert!(start.elapsed() < timeout, "key {id} not refreshed in time");
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}

	/// The owner asks key `id` to sign `message`; returns the request and its inclusion.
	pub async fn ask(
		client: &Client,
		owner: &sr25519::Pair,
		id: u64,
		message: Vec<u8>,
	) -> (u64, Inclusion) {
		let call = RuntimeCall::Mpc(pallet_mpc::Call::request_signature {
			key: id,
			message: message.try_into().expect("short enough"),
		});
		let inclusion = client.submit_and_wait(owner, call).await.expect("requested");
		let request = inclusion
			.events
			.iter()
			.find_map(|e| match e {
				RuntimeEvent::Mpc(pallet_mpc::Event::SignatureRequested { request, .. }) => {
					Some(*request)
				}
				_ => None,
			})
			.expect("a SignatureRequested event");
		(request, inclusion)
	}

	/// Waits until request `id` is signed; returns the signature and the block it was made in.
	/// Panics if it fails.
	pub async fn wait_signed(client: &Client, id: u64, timeout: Duration) -> ([u8; 64], u32) {
		let start = Instant::now();
		loop {
			if let Some(r) = request(client, id).await {
				match r.state {
					SignState::Signed { signature, at } => return (signature, at),
					SignState::Failed { .. } => panic!("request {id} failed"),
					SignState::Open => {}
				}
			}
			assert!(start.elapsed() < timeout, "request {id} not signed in time");
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}

	/// Whether `signature` is `Y`'s Ed25519 signature of `message` (the chain's own check).
	pub fn verifies(group_key: &[u8; 32], message: &[u8], signature: &[u8; 64]) -> bool {
		use sp_core::ed25519;
		ed25519::Pair::verify(
			&ed25519::Signature::from_raw(*signature),
			message,
			&ed25519::Public::from_raw(*group_key),
		)
	}
}
