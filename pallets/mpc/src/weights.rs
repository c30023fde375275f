//! Weights for `pallet_mpc`.
//!
//! PROVISIONAL: these figures are estimates, not generated. They take the native costs of
//! the `mpc-primitives` criterion benchmarks (docs/PERFORMANCE.md) times 3 for wasm, plus the
//! storage accesses each call makes. They are replaced by the output of the FRAME benchmarks
//! in `benchmarking.rs` once the dev runtime exists:
//! `mpc-node benchmark pallet --pallet pallet_mpc --extrinsic '*' --output pallets/mpc/src/weights.rs`.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for `pallet_mpc`.
pub trait WeightInfo {
	fn register_worker() -> Weight;
	fn rotate_key() -> Weight;
	fn deregister_worker() -> Weight;
	fn create_job(n: u32) -> Weight;
	fn cancel_job(n: u32) -> Weight;
	fn close_inputs() -> Weight;
	fn submit_input(n: u32) -> Weight;
	fn complain(n: u32) -> Weight;
	fn submit_result_share(n: u32) -> Weight;
	fn remove_job(n: u32) -> Weight;
	fn on_initialize_deadlines(k: u32) -> Weight;
	fn cleanup_input(n: u32) -> Weight;
}

/// Weights for `pallet_mpc` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

macro_rules! weights {
	($db:expr) => {
		fn register_worker() -> Weight {
			Weight::from_parts(150_000_000, 40_000).saturating_add($db.reads_writes(5, 5))
		}
		fn rotate_key() -> Weight {
			Weight::from_parts(150_000_000, 4_000).saturating_add($db.reads_writes(4, 3))
		}
		fn deregister_worker() -> Weight {
			Weight::from_parts(60_000_000, 40_000).saturating_add($db.reads_writes(4, 5))
		}
		fn create_job(n: u32) -> Weight {
			Weight::from_parts(120_000_000, 40_000)
				.saturating_add(Weight::from_parts(8_000_000, 3_000).saturating_mul(n.into()))
				.saturating_add($db.reads_writes(8, 8))
				.saturating_add($db.reads_writes(1, 1).saturating_mul(n.into()))
		}
		fn cancel_job(n: u32) -> Weight {
			Weight::from_parts(80_000_000, 10_000)
				.saturating_add($db.reads_writes(4, 4))
				.saturating_add($db.writes(1).saturating_mul(n.into()))
		}
		fn close_inputs() -> Weight {
			Weight::from_parts(40_000_000, 6_000).saturating_add($db.reads_writes(3, 3))
		}
		fn submit_input(n: u32) -> Weight {
			Weight::from_parts(250_000_000, 20_000)
				.saturating_add(Weight::from_parts(22_000_000, 1_200).saturating_mul(n.into()))
				.saturating_add($db.reads_writes(8, 8))
				.saturating_add($db.writes(1).saturating_mul(n.into()))
		}
		fn complain(n: u32) -> Weight {
			Weight::from_parts(900_000_000, 20_000)
				.saturating_add(Weight::from_parts(10_000_000, 600).saturating_mul(n.into()))
				.saturating_add($db.reads_writes(8, 6))
		}
		fn submit_result_share(n: u32) -> Weight {
			Weight::from_parts(1_200_000_000, 20_000)
				.saturating_add(Weight::from_parts(30_000_000, 2_000).saturating_mul(n.into()))
				.saturating_add($db.reads_writes(8, 6))
				.saturating_add($db.reads_writes(2, 3).saturating_mul(n.into()))
		}
		fn remove_job(n: u32) -> Weight {
			Weight::from_parts(60_000_000, 10_000)
				.saturating_add($db.reads_writes(3, 7))
				.saturating_add($db.writes(1).saturating_mul(n.into()))
		}
		fn on_initialize_deadlines(k: u32) -> Weight {
			Weight::from_parts(10_000_000, 2_000)
				.saturating_add($db.reads_writes(1, 1))
				.saturating_add(
					Weight::from_parts(100_000_000, 40_000)
						.saturating_add($db.reads_writes(6, 6))
						.saturating_mul(k.into()),
				)
		}
		fn cleanup_input(n: u32) -> Weight {
			Weight::from_parts(40_000_000, 4_000)
				.saturating_add($db.reads_writes(2, 4))
				.saturating_add($db.writes(1).saturating_mul(n.into()))
		}
	};
}

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	weights!(T::DbWeight::get());
}

// For tests and runtimes without their own database weights.
impl WeightInfo for () {
	weights!(RocksDbWeight::get());
}
