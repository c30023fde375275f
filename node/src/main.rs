//! `mpc-node`: a Substrate node for the substrate-mpc development chain.
//!
//! Aura block production (2 s slots) and GRANDPA finality, ParityDB storage, off-chain workers
//! (the MPC workers run in `pallet-mpc`'s off-chain worker, with the `mpcw` keys in the node's
//! keystore), and the system and transaction-payment RPCs.
//!
//! `mpc-node --dev` runs the `development` chain alone, on a temporary database, with Alice
//! authoring and the five dev MPC workers `//Alice` .. `//Eve`.

mod chain_spec;
mod cli;
mod command;
mod mpc_keys;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
