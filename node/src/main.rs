//! `mpc-node`: a Substrate node for the substrate-mpc development chain.
//!
//! Aura block production (2 s slots) and GRANDPA finality, ParityDB storage, off-chain workers
//! (the MPC workers run in `pallet-mpc`'s off-chain worker, with the `mpcw` keys in the node's
//! keystore), and the system and transaction-payment RPCs.
//!
//! `mpc-node --dev` runs the `development` chain alone, on a temporary database, with Alice
//! authoring and the five dev MPC workers `//Alice` .. `//Eve`.

// `sc_cli::Error` and `sc_service::Error` are the framework's error types, returned through
// its runner closures; boxing them here would only add conversions.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod mpc_keys;
mod proposer;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
