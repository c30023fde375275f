//! The development MPC workers: the ed25519 keys `//Alice` .. `//Eve` (key type `mpcw`), their
//! accounts and their encryption keys `E`, for the genesis presets.
//!
//! Why a table: presets are built inside the wasm runtime (`GenesisBuilder_get_preset`), which
//! has neither `std` nor a keystore, while `E` comes from an ed25519 *signature* by the worker
//! key (`mpc_offchain_worker::dev_worker_encryption_key`, std-only). So the values are
//! generated natively and pasted here.
//!
//! GENERATED: each row is `(seed, account, E)` with
//! `(account, E) = mpc_offchain_worker::dev_worker_encryption_key(seed)`. A row whose `E` is
//! [`NOT_GENERATED`] is funded but not registered at genesis; its node's off-chain worker then
//! registers it on-chain (with a proof of possession) on its first run.

use crate::AccountId;
use alloc::vec::Vec;
use sp_core::hex2array;

/// An `E` not generated yet. All zero bytes encode the identity, which the pallet refuses as a
/// key, so such a row can never be registered by mistake.
pub const NOT_GENERATED: [u8; 32] = [0; 32];

/// `(seed, account, E)` of the dev workers, in order. The accounts are the ed25519 public keys
/// of the seeds (`sp_keyring::Ed25519Keyring`), checked by a test.
pub const DEV_WORKERS: [(&str, [u8; 32], [u8; 32]); 5] = [
	(
		"//Alice",
		hex2array!("88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee"),
		hex2array!("68b8ef39fe1298077c1025e1e38e4dda42f01c0ed12ac35ce72899af4d5b2866"),
	),
	(
		"//Bob",
		hex2array!("d17c2d7823ebf260fd138f2d7e27d114c0145d968b5ff5006125f2414fadae69"),
		hex2array!("0615ff14066890093558a23d2f896608071235b097b11c69b1d1c9aa08346d6d"),
	),
	(
		"//Charlie",
		hex2array!("439660b36c6c03afafca027b910b4fecf99801834c62a5e6006f27d978de234f"),
		hex2array!("5ce9f0856dc07859e00a9bf19d955f2a4fb6ee626d5d65af9f610d6902c10b73"),
	),
	(
		"//Dave",
		hex2array!("5e639b43e0052c47447dac87d6fd2b6ec50bdd4d0f614e4299c665249bbd09d9"),
		hex2array!("f094fb134271f153986dc7a1f201d4956e434cbafc11dbd3718c22f887350459"),
	),
	(
		"//Eve",
		hex2array!("1dfe3e22cc0d45c70779c1095f7489a8ef3cf52d62fbd8c2fa38c9f1723502b5"),
		hex2array!("203af6435870031d7cb5598acb1d4c8de601928e3e4f3b538646e6a33f92852d"),
	),
];

/// The accounts of the first `n` dev workers (all of them funded at genesis).
pub fn accounts(n: usize) -> Vec<AccountId> {
	DEV_WORKERS.iter().take(n).map(|(_, account, _)| AccountId::new(*account)).collect()
}

/// `(account, E)` of the first `n` dev workers whose `E` is generated: the
/// `pallet_mpc::GenesisConfig::workers` entries.
pub fn genesis_workers(n: usize) -> Vec<(AccountId, [u8; 32])> {
	DEV_WORKERS
		.iter()
		.take(n)
		.filter(|(_, _, key)| *key != NOT_GENERATED)
		.map(|(_, account, key)| (AccountId::new(*account), *key))
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_keyring::Ed25519Keyring;

	#[test]
	fn dev_worker_accounts_are_the_keyring_ed25519_keys() {
		let keyring = [
			Ed25519Keyring::Alice,
			Ed25519Keyring::Bob,
			Ed25519Keyring::Charlie,
			Ed25519Keyring::Dave,
			Ed25519Keyring::Eve,
		];
		for ((seed, account, _), key) in DEV_WORKERS.iter().zip(keyring) {
			assert_eq!(*seed, key.to_seed());
			assert_eq!(*account, key.to_raw_public(), "{seed}");
		}
	}
}
