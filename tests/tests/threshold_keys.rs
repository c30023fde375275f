//! Threshold keys on a `--dev` node with its five dev workers (PROTOCOL.md section 14): the
//! committee makes a key (n = 5, t = 2) through the chain, signs a message that
//! `ed25519_verify` accepts, and moves funds out of the key's own account with a
//! committee-signed `balances.transfer_keep_alive` that executes like any transaction.

use codec::{Decode, Encode};
use mpc_e2e::{Client, Node};
use mpc_runtime::{
	pallet_mpc::{self, KeyStatus, SignState},
	AccountId, Runtime, RuntimeCall, RuntimeEvent, UNIT,
};
use sp_core::{ed25519, Pair};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{AccountId32, MultiSignature};
use std::time::{Duration, Instant};

async fn threshold_key(client: &Client, id: u64) -> Option<pallet_mpc::ThresholdKey<Runtime>> {
	let key = pallet_mpc::ThresholdKeys::<Runtime>::hashed_key_for(id);
	let raw = client.storage_raw(&key, None).await?;
	Some(Decode::decode(&mut &raw[..]).expect("a key"))
}

async fn sign_request(client: &Client, id: u64) -> Option<pallet_mpc::SignRequest<Runtime>> {
	let key = pallet_mpc::SignRequests::<Runtime>::hashed_key_for(id);
	let raw = client.storage_raw(&key, None).await?;
	Some(Decode::decode(&mut &raw[..]).expect("a request"))
}

/// Waits until the key is active; returns `Y` and the block count it took.
async fn wait_active(client: &Client, id: u64, timeout: Duration) -> [u8; 32] {
	let start = Instant::now();
	loop {
		if let Some(key) = threshold_key(client, id).await {
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

/// Asks key `id` (owned by `owner`) to sign `message`; waits for the signature.
async fn signature(
	client: &Client,
	owner: &sp_core::sr25519::Pair,
	id: u64,
	message: Vec<u8>,
) -> (u64, [u8; 64], u32) {
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
		.expect("a request");
	let start = Instant::now();
	loop {
		if let Some(r) = sign_request(client, request).await {
			match r.state {
				SignState::Signed { signature, at } => {
					return (request, signature, at - inclusion.block)
				}
				SignState::Failed { .. } => panic!("request {request} failed"),
				SignState::Open => {}
			}
		}
		assert!(start.elapsed() < Duration::from_secs(120), "request {request} not signed");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn a_committee_key_signs_and_moves_funds_from_its_account() {
	let mut node = Node::dev();
	let client = node.client(Duration::from_secs(180)).await;
	client.wait_for_block(1, Duration::from_secs(60)).await;
	let owner = Sr25519Keyring::Ferdie.pair();

	// The dev pool is exactly five workers: the committee is the pool, no draw.
	let created = client.best_number().await;
	let call = RuntimeCall::Mpc(pallet_mpc::Call::create_key { committee_size: 5, threshold: 2 });
	client.submit_and_wait(&owner, call).await.expect("key requested");
	let y = wait_active(&client, 0, Duration::from_secs(180)).await;
	let made = client.best_number().await;
	println!("key made in {} blocks: {}", made - created, hex::encode(y));

	// A signature over a message: an ordinary Ed25519 signature by Y.
	let message = b"substrate-mpc threshold key e2e".to_vec();
	let (_, sig, blocks) = signature(&client, &owner, 0, message.clone()).await;
	println!("signed in {blocks} blocks after the request");
	let public = ed25519::Public::from_raw(y);
	assert!(ed25519::Pair::verify(&ed25519::Signature::from_raw(sig), &message, &public));
	assert!(!ed25519::Pair::verify(&ed25519::Signature::from_raw(sig), b"another", &public));

	// Funds sent to the key's account move only with the committee's signature.
	let account = AccountId32::new(y);
	let fund = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: account.clone().into(),
		value: 10 * UNIT,
	});
	client.submit_and_wait(&owner, fund).await.expect("funded");
	let dave = AccountId::from(Sr25519Keyring::Dave.public());
	let dave_before = client.account(&dave).await.0;
	let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: dave.clone().into(),
		value: 3 * UNIT,
	});
	let payload = client.signing_payload(&account, transfer).await;
	// The message is exactly what a signer of this transaction signs (hashed if long).
	let message = payload.using_encoded(|bytes| bytes.to_vec());
	let (_, sig, _) = signature(&client, &owner, 0, message).await;
	let from = client.best_number().await;
	let xt = client
		.submit_signed(
			account.clone(),
			payload,
			MultiSignature::Ed25519(ed25519::Signature::from_raw(sig)),
		)
		.await;
	let inclusion = client
		.wait_for_inclusion(&xt, from, Duration::from_secs(60))
		.await
		.expect("the committee's transfer executes");
	assert!(inclusion.events.iter().any(|e| matches!(
		e,
		RuntimeEvent::Balances(pallet_balances::Event::Transfer { from, to, amount })
			if *from == account && *to == dave && *amount == 3 * UNIT
	)));
	assert_eq!(client.account(&dave).await.0, dave_before + 3 * UNIT);
	let (free, _, nonce) = client.account(&account).await;
	assert_eq!(nonce, 1);
	assert_eq!(free, 10 * UNIT - 3 * UNIT - inclusion.fee);
}
