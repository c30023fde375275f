//! Genesis presets: `development` (one node, Alice) and `local_testnet` (Alice, Bob, Charlie).
//!
//! This code runs inside the wasm runtime (`GenesisBuilder_get_preset`), so it is `no_std`:
//! the MPC workers' encryption keys come from the generated table in [`crate::dev_workers`].

use crate::{
	dev_workers, AccountId, AuraConfig, Balance, BalancesConfig, GrandpaConfig, MpcConfig,
	RuntimeGenesisConfig, SudoConfig, UNIT,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What every endowed account starts with: a million tokens.
const ENDOWMENT: Balance = 1_000_000 * UNIT;

/// The sr25519 dev accounts Alice .. Ferdie.
fn dev_accounts() -> Vec<AccountId> {
	[
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
		Sr25519Keyring::Ferdie,
	]
	.into_iter()
	.map(|k| k.to_account_id())
	.collect()
}

/// The Aura (sr25519) and GRANDPA (ed25519) keys of one dev authority.
fn authority(sr: Sr25519Keyring, ed: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(sr.public().into(), ed.public().into())
}

/// A genesis with these authorities, sudo key and the first `workers` dev MPC workers (funded,
/// and registered where their `E` is in the table).
fn testnet_genesis(
	authorities: Vec<(AuraId, GrandpaId)>,
	root: AccountId,
	workers: usize,
) -> Value {
	let mut endowed = dev_accounts();
	endowed.extend(dev_workers::accounts(workers));
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|a| (a, ENDOWMENT)).collect::<Vec<_>>(),
		},
		aura: AuraConfig {
			authorities: authorities.iter().map(|(aura, _)| aura.clone()).collect::<Vec<_>>(),
		},
		grandpa: GrandpaConfig {
			authorities: authorities
				.iter()
				.map(|(_, grandpa)| (grandpa.clone(), 1))
				.collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
		mpc: MpcConfig { workers: dev_workers::genesis_workers(workers) },
	})
}

/// `development`: Alice authors and finalizes alone and is sudo; the MPC workers are
/// `//Alice` .. `//Eve` (ed25519), all run by the one `--dev` node.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Sr25519Keyring::Alice.to_account_id(),
		5,
	)
}

/// `local_testnet`: Alice, Bob and Charlie author and finalize; Alice is sudo; the MPC workers
/// are `//Alice`, `//Bob`, `//Charlie` (ed25519), one per node (`--alice`, `--bob`,
/// `--charlie`).
pub fn local_config_genesis() -> Value {
	testnet_genesis(
		vec![
			authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			authority(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			authority(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		],
		Sr25519Keyring::Alice.to_account_id(),
		3,
	)
}

/// The JSON patch of preset `id`.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_str() {
		DEV_RUNTIME_PRESET => development_config_genesis(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work; qed")
			.into_bytes(),
	)
}

/// The presets this runtime provides.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}
