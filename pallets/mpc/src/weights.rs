
//! Weights for `pallet_mpc`, generated from `benchmarking.rs` by the FRAME benchmark CLI
//! 64.0.0. Do not edit: regenerate (docs/PERFORMANCE.md, "FRAME weights").
//!
//! DATE: 2026-11-25, STEPS: `50`, REPEAT: `20`
//! HOSTNAME: `vm`, CPU: `Intel(R) Xeon(R) Processor`
//! WASM-EXECUTION: `Compiled`, CHAIN: `None`, DB CACHE: `1024`

// Executed command:
// target/release/mpc-node
// benchmark
// pallet
// --pallet
// pallet_mpc
// --wasm-execution
// compiled
// --genesis-builder
// runtime
// --runtime
// target/release/wbuild/mpc-runtime/mpc_runtime.compact.compressed.wasm
// --extrinsic
// *
// --steps
// 50
// --repeat
// 20
// --template
// pallets/mpc/weight-template.hbs
// --output
// pallets/mpc/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

/// Weight functions needed for `pallet_mpc`.
pub trait WeightInfo {
	fn register_worker() -> Weight;
	fn rotate_key() -> Weight;
	fn deregister_worker() -> Weight;
	fn create_job(n: u32, ) -> Weight;
	fn cancel_job(n: u32, ) -> Weight;
	fn close_inputs() -> Weight;
	fn submit_input(n: u32, ) -> Weight;
	fn complain(n: u32, ) -> Weight;
	fn submit_result_share(n: u32, ) -> Weight;
	fn remove_job(n: u32, ) -> Weight;
	fn on_initialize_deadlines(k: u32, ) -> Weight;
	fn advance_job(n: u32, ) -> Weight;
	fn set_accepting() -> Weight;
	fn cleanup_input(n: u32, ) -> Weight;
}

/// Weights for `pallet_mpc`, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Mpc::Workers` (r:1 w:1)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerKeys` (r:1 w:1)
	/// Proof: `Mpc::WorkerKeys` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerList` (r:1 w:1)
	/// Proof: `Mpc::WorkerList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	fn register_worker() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4011`
		//  Estimated: `3593`
		// Minimum execution time: 210_150_000 picoseconds.
		Weight::from_parts(219_475_000, 3593)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Mpc::Workers` (r:1 w:1)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerJobs` (r:1 w:0)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerKeys` (r:1 w:2)
	/// Proof: `Mpc::WorkerKeys` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	fn rotate_key() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `335`
		//  Estimated: `3569`
		// Minimum execution time: 146_766_000 picoseconds.
		Weight::from_parts(153_338_000, 3569)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Mpc::Workers` (r:1 w:1)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerJobs` (r:1 w:0)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerList` (r:1 w:1)
	/// Proof: `Mpc::WorkerList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerKeys` (r:0 w:1)
	/// Proof: `Mpc::WorkerKeys` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn deregister_worker() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3655`
		//  Estimated: `3593`
		// Minimum execution time: 81_753_000 picoseconds.
		Weight::from_parts(88_173_000, 3593)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Mpc::WorkerList` (r:1 w:0)
	/// Proof: `Mpc::WorkerList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::NextJobId` (r:1 w:1)
	/// Proof: `Mpc::NextJobId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `RandomnessCollectiveFlip::RandomMaterial` (r:1 w:0)
	/// Proof: `RandomnessCollectiveFlip::RandomMaterial` (`max_values`: Some(1), `max_size`: Some(2594), added: 3089, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Workers` (r:32 w:0)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Deadlines` (r:1 w:1)
	/// Proof: `Mpc::Deadlines` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Aggregates` (r:0 w:1)
	/// Proof: `Mpc::Aggregates` (`max_values`: None, `max_size`: Some(1041), added: 3516, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Committees` (r:0 w:1)
	/// Proof: `Mpc::Committees` (`max_values`: None, `max_size`: Some(2065), added: 4540, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Jobs` (r:0 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2501), added: 4976, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerJobs` (r:0 w:32)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 32]`.
	fn create_job(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3742 + n * (120 ±0)`
		//  Estimated: `4079 + n * (2579 ±0)`
		// Minimum execution time: 159_058_000 picoseconds.
		Weight::from_parts(141_066_858, 4079)
			// Standard Error: 16_343
			.saturating_add(Weight::from_parts(13_871_921, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2579).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2501), added: 4976, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Deadlines` (r:1 w:1)
	/// Proof: `Mpc::Deadlines` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Committees` (r:1 w:0)
	/// Proof: `Mpc::Committees` (`max_values`: None, `max_size`: Some(2065), added: 4540, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerJobs` (r:0 w:32)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 32]`.
	fn cancel_job(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1567 + n * (64 ±0)`
		//  Estimated: `5966`
		// Minimum execution time: 95_671_000 picoseconds.
		Weight::from_parts(81_728_286, 5966)
			// Standard Error: 7_257
			.saturating_add(Weight::from_parts(8_944_185, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2501), added: 4976, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Deadlines` (r:2 w:2)
	/// Proof: `Mpc::Deadlines` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	fn close_inputs() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `754`
		//  Estimated: `6222`
		// Minimum execution time: 51_471_000 picoseconds.
		Weight::from_parts(58_879_000, 6222)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2501), added: 4976, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::InputOf` (r:1 w:1)
	/// Proof: `Mpc::InputOf` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::EphemeralKeys` (r:1 w:1)
	/// Proof: `Mpc::EphemeralKeys` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Aggregates` (r:1 w:1)
	/// Proof: `Mpc::Aggregates` (`max_values`: None, `max_size`: Some(1041), added: 3516, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Ciphertexts` (r:0 w:32)
	/// Proof: `Mpc::Ciphertexts` (`max_values`: None, `max_size`: Some(602), added: 3077, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Inputs` (r:0 w:1)
	/// Proof: `Mpc::Inputs` (`max_values`: None, `max_size`: Some(1134), added: 3609, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 32]`.
	fn submit_input(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1521 + n * (32 ±0)`
		//  Estimated: `5966`
		// Minimum execution time: 271_590_000 picoseconds.
		Weight::from_parts(228_441_335, 5966)
			// Standard Error: 77_509
			.saturating_add(Weight::from_parts(26_866_300, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2501), added: 4976, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerJobs` (r:1 w:0)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Inputs` (r:1 w:1)
	/// Proof: `Mpc::Inputs` (`max_values`: None, `max_size`: Some(1134), added: 3609, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Committees` (r:1 w:0)
	/// Proof: `Mpc::Committees` (`max_values`: None, `max_size`: Some(2065), added: 4540, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Ciphertexts` (r:1 w:0)
	/// Proof: `Mpc::Ciphertexts` (`max_values`: None, `max_size`: Some(602), added: 3077, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Aggregates` (r:1 w:1)
	/// Proof: `Mpc::Aggregates` (`max_values`: None, `max_size`: Some(1041), added: 3516, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Disqualified` (r:1 w:1)
	/// Proof: `Mpc::Disqualified` (`max_values`: None, `max_size`: Some(4018), added: 6493, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 32]`.
	fn complain(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2665 + n * (161 ±0)`
		//  Estimated: `7483`
		// Minimum execution time: 901_217_000 picoseconds.
		Weight::from_parts(849_835_346, 7483)
			// Standard Error: 121_800
			.saturating_add(Weight::from_parts(44_323_579, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2501), added: 4976, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerJobs` (r:1 w:0)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::ResultShares` (r:33 w:32)
	/// Proof: `Mpc::ResultShares` (`max_values`: None, `max_size`: Some(574), added: 3049, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Aggregates` (r:1 w:0)
	/// Proof: `Mpc::Aggregates` (`max_values`: None, `max_size`: Some(1041), added: 3516, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Committees` (r:1 w:0)
	/// Proof: `Mpc::Committees` (`max_values`: None, `max_size`: Some(2065), added: 4540, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:33 w:33)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Results` (r:0 w:1)
	/// Proof: `Mpc::Results` (`max_values`: None, `max_size`: Some(1241), added: 3716, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 32]`.
	fn submit_result_share(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1744 + n * (780 ±0)`
		//  Estimated: `5966 + n * (3049 ±0)`
		// Minimum execution time: 982_217_000 picoseconds.
		Weight::from_parts(992_783_000, 5966)
			// Standard Error: 2_147_513
			.saturating_add(Weight::from_parts(256_380_309, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3049).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2501), added: 4976, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Cleanup` (r:1 w:0)
	/// Proof: `Mpc::Cleanup` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::ResultShares` (r:32 w:32)
	/// Proof: `Mpc::ResultShares` (`max_values`: None, `max_size`: Some(574), added: 3049, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Results` (r:0 w:1)
	/// Proof: `Mpc::Results` (`max_values`: None, `max_size`: Some(1241), added: 3716, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Aggregates` (r:0 w:1)
	/// Proof: `Mpc::Aggregates` (`max_values`: None, `max_size`: Some(1041), added: 3516, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Committees` (r:0 w:1)
	/// Proof: `Mpc::Committees` (`max_values`: None, `max_size`: Some(2065), added: 4540, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Disqualified` (r:0 w:1)
	/// Proof: `Mpc::Disqualified` (`max_values`: None, `max_size`: Some(4018), added: 6493, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 32]`.
	fn remove_job(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1504 + n * (48 ±0)`
		//  Estimated: `5966 + n * (3049 ±0)`
		// Minimum execution time: 81_641_000 picoseconds.
		Weight::from_parts(85_752_800, 5966)
			// Standard Error: 6_936
			.saturating_add(Weight::from_parts(1_142_479, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3049).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::Deadlines` (r:1 w:1)
	/// Proof: `Mpc::Deadlines` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Jobs` (r:16 w:16)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2501), added: 4976, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Committees` (r:16 w:0)
	/// Proof: `Mpc::Committees` (`max_values`: None, `max_size`: Some(2065), added: 4540, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Cleanup` (r:1 w:0)
	/// Proof: `Mpc::Cleanup` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerJobs` (r:0 w:512)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// The range of component `k` is `[0, 16]`.
	fn on_initialize_deadlines(k: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3566 + k * (113 ±0)`
		//  Estimated: `3606 + k * (4976 ±0)`
		// Minimum execution time: 14_076_000 picoseconds.
		Weight::from_parts(47_095_515, 3606)
			// Standard Error: 214_418
			.saturating_add(Weight::from_parts(324_219_728, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(k.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((33_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 4976).saturating_mul(k.into()))
	}
	/// Storage: `Mpc::Cleanup` (r:2 w:1)
	/// Proof: `Mpc::Cleanup` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Jobs` (r:1 w:0)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2501), added: 4976, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Inputs` (r:1 w:1)
	/// Proof: `Mpc::Inputs` (`max_values`: None, `max_size`: Some(1134), added: 3609, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Ciphertexts` (r:32 w:32)
	/// Proof: `Mpc::Ciphertexts` (`max_values`: None, `max_size`: Some(602), added: 3077, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::EphemeralKeys` (r:0 w:1)
	/// Proof: `Mpc::EphemeralKeys` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::InputOf` (r:0 w:1)
	/// Proof: `Mpc::InputOf` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 32]`.
	fn advance_job(n: u32, ) -> Weight {
		Weight::from_parts(400_000_000, 4976)
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn set_accepting() -> Weight {
		Weight::from_parts(60_000_000, 3593)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn cleanup_input(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1748 + n * (80 ±0)`
		//  Estimated: `5980 + n * (3077 ±0)`
		// Minimum execution time: 101_252_000 picoseconds.
		Weight::from_parts(94_000_315, 5980)
			// Standard Error: 11_792
			.saturating_add(Weight::from_parts(8_314_708, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3077).saturating_mul(n.into()))
	}
}

/// The same weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_worker() -> Weight {
		Weight::from_parts(219_475_000, 3593)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn rotate_key() -> Weight {
		Weight::from_parts(153_338_000, 3569)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn deregister_worker() -> Weight {
		Weight::from_parts(88_173_000, 3593)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn create_job(n: u32, ) -> Weight {
		Weight::from_parts(141_066_858, 4079)
			.saturating_add(Weight::from_parts(13_871_921, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2579).saturating_mul(n.into()))
	}
	fn cancel_job(n: u32, ) -> Weight {
		Weight::from_parts(81_728_286, 5966)
			.saturating_add(Weight::from_parts(8_944_185, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	fn close_inputs() -> Weight {
		Weight::from_parts(58_879_000, 6222)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn submit_input(n: u32, ) -> Weight {
		Weight::from_parts(228_441_335, 5966)
			.saturating_add(Weight::from_parts(26_866_300, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	fn complain(n: u32, ) -> Weight {
		Weight::from_parts(849_835_346, 7483)
			.saturating_add(Weight::from_parts(44_323_579, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn submit_result_share(n: u32, ) -> Weight {
		Weight::from_parts(992_783_000, 5966)
			.saturating_add(Weight::from_parts(256_380_309, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3049).saturating_mul(n.into()))
	}
	fn remove_job(n: u32, ) -> Weight {
		Weight::from_parts(85_752_800, 5966)
			.saturating_add(Weight::from_parts(1_142_479, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3049).saturating_mul(n.into()))
	}
	fn on_initialize_deadlines(k: u32, ) -> Weight {
		Weight::from_parts(47_095_515, 3606)
			.saturating_add(Weight::from_parts(324_219_728, 0).saturating_mul(k.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(k.into())))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
			.saturating_add(RocksDbWeight::get().writes((33_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 4976).saturating_mul(k.into()))
	}
	fn advance_job(n: u32, ) -> Weight {
		Weight::from_parts(400_000_000, 4976)
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn set_accepting() -> Weight {
		Weight::from_parts(60_000_000, 3593)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn cleanup_input(n: u32, ) -> Weight {
		Weight::from_parts(94_000_315, 5980)
			.saturating_add(Weight::from_parts(8_314_708, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3077).saturating_mul(n.into()))
	}
}
