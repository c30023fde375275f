//! The MPC worker keys (ed25519, key type `mpcw`) in the node's keystore.
//!
//! The runtime's off-chain worker runs one MPC worker per `mpcw` key it finds. Keys get there
//! by:
//! - `--dev`, `--alice`, `--bob`, ...: sc-service inserts the session keys of that seed, and
//!   the runtime's `SessionKeys` include the `mpcw` key, so `//Alice` (or `//Bob`, ...) is there;
//! - the `development` chain: [`insert_dev_worker_keys`] adds all five dev workers;
//! - `mpc-node key insert --key-type mpcw --scheme ed25519 --suri <secret>`, `author_insertKey`
//!   or `author_rotateKeys`.

use mpc_runtime::{
	dev_workers::DEV_WORKERS,
	opaque::Block,
	pallet_mpc::{crypto::KEY_TYPE, runtime_api::MpcApi},
	AccountId, MpcCommitteeMember, MpcJob, MpcJobResult, MpcProof, MpcWorkerInfo,
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_keystore::KeystorePtr;

/// Log target of the node's MPC messages.
const LOG_TARGET: &str = "mpc";

/// Adds the dev worker keys `//Alice` .. `//Eve` to the keystore. A key added from a seed is
/// kept in memory only, never written to the keystore directory.
pub fn insert_dev_worker_keys(keystore: &KeystorePtr) -> Result<(), sp_keystore::Error> {
	for (seed, _, _) in DEV_WORKERS {
		keystore.ed25519_generate_new(KEY_TYPE, Some(seed))?;
	}
	Ok(())
}

/// Logs every MPC worker key in the keystore, with its registration at the best block.
pub fn log_worker_keys<C>(client: &C, keystore: &KeystorePtr)
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block>,
	C::Api:
		MpcApi<Block, AccountId, MpcJob, MpcCommitteeMember, MpcJobResult, MpcProof, MpcWorkerInfo>,
{
	let keys = keystore.ed25519_public_keys(KEY_TYPE);
	if keys.is_empty() {
		log::warn!(
			target: LOG_TARGET,
			"🔑 No MPC worker key (type `mpcw`) in the keystore: this node runs no MPC worker. \
			 Add one with `mpc-node key insert --key-type mpcw --scheme ed25519 --suri <secret>`.",
		);
		return;
	}
	log::info!(target: LOG_TARGET, "🔑 MPC worker keys in the keystore: {}", keys.len());
	let best = client.info().best_hash;
	let api = client.runtime_api();
	for key in keys {
		let account = AccountId::from(key);
		match api.worker(best, account.clone()) {
			Ok(Some(info)) => log::info!(
				target: LOG_TARGET,
				"🔑   {account}: registered, E = 0x{}, bond {}, faults {}",
				hex(info.key.as_bytes()),
				info.bond,
				info.faults,
			),
			Ok(None) => log::info!(
				target: LOG_TARGET,
				"🔑   {account}: not registered yet (its off-chain worker registers it once the \
				 account can pay the bond)",
			),
			Err(e) => log::warn!(
				target: LOG_TARGET,
				"🔑   {account}: registration unknown (MpcApi_worker failed: {e})",
			),
		}
	}
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}
