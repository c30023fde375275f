
//! Weights for `pallet_mpc`, generated from `benchmarking.rs` by the FRAME benchmark CLI
//! 64.0.0. Do not edit: regenerate (docs/PERFORMANCE.md, "FRAME weights").
//!
//! DATE: 2026-11-30, STEPS: `50`, REPEAT: `20`
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
	fn set_accepting() -> Weight;
	fn advance_job(n: u32, ) -> Weight;
	fn cleanup_input(n: u32, ) -> Weight;
}

/// Weights for `pallet_mpc`, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Mpc::Workers` (r:1 w:1)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerKeys` (r:1 w:1)
	/// Proof: `Mpc::WorkerKeys` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerCount` (r:1 w:1)
	/// Proof: `Mpc::WorkerCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerList` (r:1 w:1)
	/// Proof: `Mpc::WorkerList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	fn register_worker() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4037`
		//  Estimated: `3593`
		// Minimum execution time: 245_671_000 picoseconds.
		Weight::from_parts(290_079_000, 3593)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Mpc::Workers` (r:1 w:1)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerJobs` (r:1 w:0)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerKeys` (r:1 w:2)
	/// Proof: `Mpc::WorkerKeys` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	fn rotate_key() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `352`
		//  Estimated: `3574`
		// Minimum execution time: 156_283_000 picoseconds.
		Weight::from_parts(193_071_000, 3574)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Mpc::Workers` (r:1 w:1)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerJobs` (r:1 w:0)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerCount` (r:1 w:1)
	/// Proof: `Mpc::WorkerCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
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
		//  Measured:  `3685`
		//  Estimated: `3593`
		// Minimum execution time: 90_086_000 picoseconds.
		Weight::from_parts(114_412_000, 3593)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Mpc::WorkerList` (r:1 w:1)
	/// Proof: `Mpc::WorkerList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::NextJobId` (r:1 w:1)
	/// Proof: `Mpc::NextJobId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `RandomnessCollectiveFlip::RandomMaterial` (r:1 w:0)
	/// Proof: `RandomnessCollectiveFlip::RandomMaterial` (`max_values`: Some(1), `max_size`: Some(2594), added: 3089, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Workers` (r:32 w:32)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Aggregates` (r:0 w:1)
	/// Proof: `Mpc::Aggregates` (`max_values`: None, `max_size`: Some(1041), added: 3516, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Committees` (r:0 w:1)
	/// Proof: `Mpc::Committees` (`max_values`: None, `max_size`: Some(2065), added: 4540, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Jobs` (r:0 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2500), added: 4975, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Deadlines` (r:0 w:1)
	/// Proof: `Mpc::Deadlines` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerJobs` (r:0 w:32)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 32]`.
	fn create_job(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3754 + n * (125 ±0)`
		//  Estimated: `4079 + n * (2584 ±0)`
		// Minimum execution time: 207_655_000 picoseconds.
		Weight::from_parts(156_151_011, 4079)
			// Standard Error: 143_618
			.saturating_add(Weight::from_parts(32_677_555, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(8_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2500), added: 4975, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Committees` (r:1 w:0)
	/// Proof: `Mpc::Committees` (`max_values`: None, `max_size`: Some(2065), added: 4540, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Workers` (r:32 w:32)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerList` (r:1 w:1)
	/// Proof: `Mpc::WorkerList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Deadlines` (r:0 w:1)
	/// Proof: `Mpc::Deadlines` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerJobs` (r:0 w:32)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 32]`.
	fn cancel_job(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4471 + n * (157 ±0)`
		//  Estimated: `5965 + n * (2584 ±0)`
		// Minimum execution time: 152_612_000 picoseconds.
		Weight::from_parts(127_706_373, 5965)
			// Standard Error: 141_922
			.saturating_add(Weight::from_parts(24_972_728, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2500), added: 4975, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Deadlines` (r:0 w:2)
	/// Proof: `Mpc::Deadlines` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn close_inputs() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `747`
		//  Estimated: `5965`
		// Minimum execution time: 47_097_000 picoseconds.
		Weight::from_parts(64_189_000, 5965)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2500), added: 4975, mode: `MaxEncodedLen`)
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
	/// Proof: `Mpc::Inputs` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 32]`.
	fn submit_input(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1546 + n * (32 ±0)`
		//  Estimated: `5965`
		// Minimum execution time: 311_597_000 picoseconds.
		Weight::from_parts(258_721_746, 5965)
			// Standard Error: 166_859
			.saturating_add(Weight::from_parts(30_661_157, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2500), added: 4975, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerJobs` (r:1 w:0)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Inputs` (r:1 w:1)
	/// Proof: `Mpc::Inputs` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
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
		//  Measured:  `2696 + n * (161 ±0)`
		//  Estimated: `7483`
		// Minimum execution time: 925_403_000 picoseconds.
		Weight::from_parts(902_420_793, 7483)
			// Standard Error: 323_569
			.saturating_add(Weight::from_parts(52_471_011, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2500), added: 4975, mode: `MaxEncodedLen`)
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
		//  Measured:  `1766 + n * (780 ±0)`
		//  Estimated: `5965 + n * (3049 ±0)`
		// Minimum execution time: 1_088_959_000 picoseconds.
		Weight::from_parts(1_144_674_000, 5965)
			// Standard Error: 2_371_581
			.saturating_add(Weight::from_parts(300_456_445, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3049).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2500), added: 4975, mode: `MaxEncodedLen`)
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
		//  Measured:  `1515 + n * (48 ±0)`
		//  Estimated: `5965 + n * (3049 ±0)`
		// Minimum execution time: 95_691_000 picoseconds.
		Weight::from_parts(113_776_474, 5965)
			// Standard Error: 40_502
			.saturating_add(Weight::from_parts(1_050_380, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3049).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::DeadlineCursor` (r:1 w:1)
	/// Proof: `Mpc::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Deadlines` (r:16 w:16)
	/// Proof: `Mpc::Deadlines` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Jobs` (r:16 w:16)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2500), added: 4975, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Committees` (r:16 w:0)
	/// Proof: `Mpc::Committees` (`max_values`: None, `max_size`: Some(2065), added: 4540, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Workers` (r:32 w:32)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerList` (r:1 w:1)
	/// Proof: `Mpc::WorkerList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Cleanup` (r:1 w:0)
	/// Proof: `Mpc::Cleanup` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerJobs` (r:0 w:512)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// The range of component `k` is `[0, 16]`.
	fn on_initialize_deadlines(k: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `8166 + k * (124 ±0)`
		//  Estimated: `83678 + k * (4975 ±0)`
		// Minimum execution time: 19_898_000 picoseconds.
		Weight::from_parts(195_205_884, 83678)
			// Standard Error: 1_463_878
			.saturating_add(Weight::from_parts(748_972_834, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(32_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(k.into())))
			.saturating_add(T::DbWeight::get().writes(30_u64))
			.saturating_add(T::DbWeight::get().writes((35_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 4975).saturating_mul(k.into()))
	}
	/// Storage: `Mpc::Workers` (r:1 w:1)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerList` (r:1 w:1)
	/// Proof: `Mpc::WorkerList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	fn set_accepting() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2832`
		//  Estimated: `3574`
		// Minimum execution time: 48_651_000 picoseconds.
		Weight::from_parts(61_884_000, 3574)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2500), added: 4975, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Committees` (r:1 w:0)
	/// Proof: `Mpc::Committees` (`max_values`: None, `max_size`: Some(2065), added: 4540, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Workers` (r:32 w:32)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerList` (r:1 w:1)
	/// Proof: `Mpc::WorkerList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Deadlines` (r:0 w:1)
	/// Proof: `Mpc::Deadlines` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerJobs` (r:0 w:32)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 32]`.
	fn advance_job(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4471 + n * (157 ±0)`
		//  Estimated: `5965 + n * (2584 ±0)`
		// Minimum execution time: 164_302_000 picoseconds.
		Weight::from_parts(127_149_274, 5965)
			// Standard Error: 105_587
			.saturating_add(Weight::from_parts(26_190_813, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::Cleanup` (r:2 w:1)
	/// Proof: `Mpc::Cleanup` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Jobs` (r:1 w:0)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2500), added: 4975, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Inputs` (r:1 w:1)
	/// Proof: `Mpc::Inputs` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
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
	fn cleanup_input(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1802 + n * (80 ±0)`
		//  Estimated: `5980 + n * (3077 ±0)`
		// Minimum execution time: 130_625_000 picoseconds.
		Weight::from_parts(136_073_639, 5980)
			// Standard Error: 78_901
			.saturating_add(Weight::from_parts(8_412_747, 0).saturating_mul(n.into()))
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
		Weight::from_parts(290_079_000, 3593)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn rotate_key() -> Weight {
		Weight::from_parts(193_071_000, 3574)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn deregister_worker() -> Weight {
		Weight::from_parts(114_412_000, 3593)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn create_job(n: u32, ) -> Weight {
		Weight::from_parts(156_151_011, 4079)
			.saturating_add(Weight::from_parts(32_677_555, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	fn cancel_job(n: u32, ) -> Weight {
		Weight::from_parts(127_706_373, 5965)
			.saturating_add(Weight::from_parts(24_972_728, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	fn close_inputs() -> Weight {
		Weight::from_parts(64_189_000, 5965)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn submit_input(n: u32, ) -> Weight {
		Weight::from_parts(258_721_746, 5965)
			.saturating_add(Weight::from_parts(30_661_157, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	fn complain(n: u32, ) -> Weight {
		Weight::from_parts(902_420_793, 7483)
			.saturating_add(Weight::from_parts(52_471_011, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn submit_result_share(n: u32, ) -> Weight {
		Weight::from_parts(1_144_674_000, 5965)
			.saturating_add(Weight::from_parts(300_456_445, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3049).saturating_mul(n.into()))
	}
	fn remove_job(n: u32, ) -> Weight {
		Weight::from_parts(113_776_474, 5965)
			.saturating_add(Weight::from_parts(1_050_380, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3049).saturating_mul(n.into()))
	}
	fn on_initialize_deadlines(k: u32, ) -> Weight {
		Weight::from_parts(195_205_884, 83678)
			.saturating_add(Weight::from_parts(748_972_834, 0).saturating_mul(k.into()))
			.saturating_add(RocksDbWeight::get().reads(32_u64))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(k.into())))
			.saturating_add(RocksDbWeight::get().writes(30_u64))
			.saturating_add(RocksDbWeight::get().writes((35_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 4975).saturating_mul(k.into()))
	}
	fn set_accepting() -> Weight {
		Weight::from_parts(61_884_000, 3574)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn advance_job(n: u32, ) -> Weight {
		Weight::from_parts(127_149_274, 5965)
			.saturating_add(Weight::from_parts(26_190_813, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	fn cleanup_input(n: u32, ) -> Weight {
		Weight::from_parts(136_073_639, 5980)
			.saturating_add(Weight::from_parts(8_412_747, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3077).saturating_mul(n.into()))
	}
}
