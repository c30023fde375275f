//! The runtime's own weights, generated on this node (`scripts/weights`): its database's read
//! and write costs, and those of the transaction extensions every signed transaction pays.
//! pallet-mpc's are in the pallet (`pallets/mpc/src/weights.rs`).

pub mod frame_system_extensions;
pub mod paritydb;
