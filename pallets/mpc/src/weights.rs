
//! Weights for `pallet_mpc`, generated from `benchmarking.rs` by the FRAME benchmark CLI
//! 64.0.0. Do not edit: regenerate (docs/PERFORMANCE.md, "FRAME weights").
//!
//! DATE: 2026-12-01, STEPS: `50`, REPEAT: `20`
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
	fn create_drawing_job() -> Weight;
	fn draw_job(n: u32, ) -> Weight;
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
	fn beacon_start_dkg(n: u32, ) -> Weight;
	fn submit_key_dealing(n: u32, ) -> Weight;
	fn complain_dealing(n: u32, ) -> Weight;
	fn beacon_finish_dkg(n: u32, ) -> Weight;
	fn beacon_open_round() -> Weight;
	fn submit_round_share(n: u32, ) -> Weight;
	fn request_round() -> Weight;
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
		// Minimum execution time: 216_394_000 picoseconds.
		Weight::from_parts(228_994_000, 3593)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Mpc::Workers` (r:1 w:1)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerKeys` (r:1 w:2)
	/// Proof: `Mpc::WorkerKeys` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconDkg` (r:1 w:0)
	/// Proof: `Mpc::BeaconDkg` (`max_values`: Some(1), `max_size`: Some(1106), added: 1601, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::ActiveBeaconEpoch` (r:1 w:0)
	/// Proof: `Mpc::ActiveBeaconEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	fn rotate_key() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `346`
		//  Estimated: `3574`
		// Minimum execution time: 147_030_000 picoseconds.
		Weight::from_parts(153_330_000, 3574)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Mpc::Workers` (r:1 w:1)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerCount` (r:1 w:1)
	/// Proof: `Mpc::WorkerCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerList` (r:1 w:1)
	/// Proof: `Mpc::WorkerList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconDkg` (r:1 w:0)
	/// Proof: `Mpc::BeaconDkg` (`max_values`: Some(1), `max_size`: Some(1106), added: 1601, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::ActiveBeaconEpoch` (r:1 w:0)
	/// Proof: `Mpc::ActiveBeaconEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerKeys` (r:0 w:1)
	/// Proof: `Mpc::WorkerKeys` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn deregister_worker() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3679`
		//  Estimated: `3593`
		// Minimum execution time: 80_424_000 picoseconds.
		Weight::from_parts(86_557_000, 3593)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Mpc::WorkerList` (r:1 w:1)
	/// Proof: `Mpc::WorkerList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::NextJobId` (r:1 w:1)
	/// Proof: `Mpc::NextJobId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
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
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2505), added: 4980, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Deadlines` (r:0 w:1)
	/// Proof: `Mpc::Deadlines` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerJobs` (r:0 w:32)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 32]`.
	fn create_job(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `244 + n * (164 ±0)`
		//  Estimated: `3593 + n * (2584 ±0)`
		// Minimum execution time: 145_101_000 picoseconds.
		Weight::from_parts(103_252_465, 3593)
			// Standard Error: 20_220
			.saturating_add(Weight::from_parts(25_181_899, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(8_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::WorkerList` (r:1 w:0)
	/// Proof: `Mpc::WorkerList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::DrawQueue` (r:1 w:1)
	/// Proof: `Mpc::DrawQueue` (`max_values`: Some(1), `max_size`: Some(514), added: 1009, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::NextJobId` (r:1 w:1)
	/// Proof: `Mpc::NextJobId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Workers` (r:2 w:0)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::NextBeaconRound` (r:1 w:1)
	/// Proof: `Mpc::NextBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::OpenBeaconRound` (r:1 w:1)
	/// Proof: `Mpc::OpenBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::ActiveBeaconEpoch` (r:1 w:0)
	/// Proof: `Mpc::ActiveBeaconEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::OldestBeaconRound` (r:1 w:0)
	/// Proof: `Mpc::OldestBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Aggregates` (r:0 w:1)
	/// Proof: `Mpc::Aggregates` (`max_values`: None, `max_size`: Some(1041), added: 3516, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Jobs` (r:0 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2505), added: 4980, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Deadlines` (r:0 w:1)
	/// Proof: `Mpc::Deadlines` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::LastRoundOpened` (r:0 w:1)
	/// Proof: `Mpc::LastRoundOpened` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconRounds` (r:0 w:1)
	/// Proof: `Mpc::BeaconRounds` (`max_values`: None, `max_size`: Some(1698), added: 4173, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Drawings` (r:0 w:1)
	/// Proof: `Mpc::Drawings` (`max_values`: None, `max_size`: Some(2078), added: 4553, mode: `MaxEncodedLen`)
	fn create_drawing_job() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `5310`
		//  Estimated: `6158`
		// Minimum execution time: 213_073_000 picoseconds.
		Weight::from_parts(234_856_000, 6158)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(12_u64))
	}
	/// Storage: `Mpc::DrawQueue` (r:1 w:1)
	/// Proof: `Mpc::DrawQueue` (`max_values`: Some(1), `max_size`: Some(514), added: 1009, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2505), added: 4980, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Drawings` (r:1 w:1)
	/// Proof: `Mpc::Drawings` (`max_values`: None, `max_size`: Some(2078), added: 4553, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconRounds` (r:1 w:0)
	/// Proof: `Mpc::BeaconRounds` (`max_values`: None, `max_size`: Some(1698), added: 4173, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerList` (r:1 w:1)
	/// Proof: `Mpc::WorkerList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Workers` (r:32 w:32)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Committees` (r:0 w:1)
	/// Proof: `Mpc::Committees` (`max_values`: None, `max_size`: Some(2065), added: 4540, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Deadlines` (r:0 w:2)
	/// Proof: `Mpc::Deadlines` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerJobs` (r:0 w:32)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 32]`.
	fn draw_job(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3943 + n * (149 ±0)`
		//  Estimated: `5970 + n * (2584 ±0)`
		// Minimum execution time: 113_306_000 picoseconds.
		Weight::from_parts(96_405_862, 5970)
			// Standard Error: 49_139
			.saturating_add(Weight::from_parts(21_654_484, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2505), added: 4980, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Drawings` (r:1 w:0)
	/// Proof: `Mpc::Drawings` (`max_values`: None, `max_size`: Some(2078), added: 4553, mode: `MaxEncodedLen`)
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
		//  Measured:  `4569 + n * (161 ±0)`
		//  Estimated: `5970 + n * (2584 ±0)`
		// Minimum execution time: 131_451_000 picoseconds.
		Weight::from_parts(98_929_672, 5970)
			// Standard Error: 51_324
			.saturating_add(Weight::from_parts(20_783_657, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2505), added: 4980, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Deadlines` (r:0 w:2)
	/// Proof: `Mpc::Deadlines` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn close_inputs() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `859`
		//  Estimated: `5970`
		// Minimum execution time: 35_333_000 picoseconds.
		Weight::from_parts(41_716_000, 5970)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2505), added: 4980, mode: `MaxEncodedLen`)
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
		//  Measured:  `1685 + n * (32 ±0)`
		//  Estimated: `5970`
		// Minimum execution time: 280_178_000 picoseconds.
		Weight::from_parts(232_180_580, 5970)
			// Standard Error: 75_359
			.saturating_add(Weight::from_parts(26_010_208, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2505), added: 4980, mode: `MaxEncodedLen`)
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
		//  Measured:  `2855 + n * (158 ±0)`
		//  Estimated: `7483`
		// Minimum execution time: 918_200_000 picoseconds.
		Weight::from_parts(870_213_181, 7483)
			// Standard Error: 181_940
			.saturating_add(Weight::from_parts(43_414_992, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2505), added: 4980, mode: `MaxEncodedLen`)
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
		//  Measured:  `1952 + n * (783 ±0)`
		//  Estimated: `5970 + n * (3049 ±0)`
		// Minimum execution time: 984_069_000 picoseconds.
		Weight::from_parts(988_991_000, 5970)
			// Standard Error: 2_284_222
			.saturating_add(Weight::from_parts(258_147_504, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3049).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2505), added: 4980, mode: `MaxEncodedLen`)
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
		//  Measured:  `1627 + n * (48 ±0)`
		//  Estimated: `5970 + n * (3049 ±0)`
		// Minimum execution time: 83_689_000 picoseconds.
		Weight::from_parts(88_630_177, 5970)
			// Standard Error: 17_862
			.saturating_add(Weight::from_parts(1_098_082, 0).saturating_mul(n.into()))
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
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2505), added: 4980, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Drawings` (r:16 w:0)
	/// Proof: `Mpc::Drawings` (`max_values`: None, `max_size`: Some(2078), added: 4553, mode: `MaxEncodedLen`)
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
		//  Measured:  `7178 + k * (124 ±0)`
		//  Estimated: `83678 + k * (4980 ±0)`
		// Minimum execution time: 14_024_000 picoseconds.
		Weight::from_parts(143_309_647, 83678)
			// Standard Error: 918_429
			.saturating_add(Weight::from_parts(628_345_543, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(32_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(k.into())))
			.saturating_add(T::DbWeight::get().writes(30_u64))
			.saturating_add(T::DbWeight::get().writes((35_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 4980).saturating_mul(k.into()))
	}
	/// Storage: `Mpc::Workers` (r:1 w:1)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerList` (r:1 w:1)
	/// Proof: `Mpc::WorkerList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	fn set_accepting() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2832`
		//  Estimated: `3574`
		// Minimum execution time: 41_163_000 picoseconds.
		Weight::from_parts(44_526_000, 3574)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2505), added: 4980, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Drawings` (r:1 w:0)
	/// Proof: `Mpc::Drawings` (`max_values`: None, `max_size`: Some(2078), added: 4553, mode: `MaxEncodedLen`)
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
		//  Measured:  `4569 + n * (161 ±0)`
		//  Estimated: `5970 + n * (2584 ±0)`
		// Minimum execution time: 139_241_000 picoseconds.
		Weight::from_parts(110_375_547, 5970)
			// Standard Error: 45_505
			.saturating_add(Weight::from_parts(21_086_519, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::Cleanup` (r:2 w:1)
	/// Proof: `Mpc::Cleanup` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Jobs` (r:1 w:0)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2505), added: 4980, mode: `MaxEncodedLen`)
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
		//  Measured:  `1948 + n * (80 ±0)`
		//  Estimated: `5980 + n * (3077 ±0)`
		// Minimum execution time: 106_521_000 picoseconds.
		Weight::from_parts(95_854_560, 5980)
			// Standard Error: 19_447
			.saturating_add(Weight::from_parts(8_169_092, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3077).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::WorkerList` (r:1 w:0)
	/// Proof: `Mpc::WorkerList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconSkip` (r:1 w:0)
	/// Proof: `Mpc::BeaconSkip` (`max_values`: Some(1), `max_size`: Some(513), added: 1008, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Workers` (r:16 w:0)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::NextBeaconEpoch` (r:1 w:1)
	/// Proof: `Mpc::NextBeaconEpoch` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconDkg` (r:0 w:1)
	/// Proof: `Mpc::BeaconDkg` (`max_values`: Some(1), `max_size`: Some(1106), added: 1601, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[3, 16]`.
	fn beacon_start_dkg(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `93 + n * (149 ±0)`
		//  Estimated: `3535 + n * (2584 ±0)`
		// Minimum execution time: 42_500_000 picoseconds.
		Weight::from_parts(9_374_403, 3535)
			// Standard Error: 12_332
			.saturating_add(Weight::from_parts(11_827_913, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::BeaconDkg` (r:1 w:0)
	/// Proof: `Mpc::BeaconDkg` (`max_values`: Some(1), `max_size`: Some(1106), added: 1601, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyDealings` (r:1 w:1)
	/// Proof: `Mpc::KeyDealings` (`max_values`: None, `max_size`: Some(1374), added: 3849, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::DealingKeys` (r:1 w:1)
	/// Proof: `Mpc::DealingKeys` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[3, 16]`.
	fn submit_key_dealing(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `216 + n * (64 ±0)`
		//  Estimated: `4839`
		// Minimum execution time: 271_911_000 picoseconds.
		Weight::from_parts(249_751_198, 4839)
			// Standard Error: 33_441
			.saturating_add(Weight::from_parts(11_171_696, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Mpc::BeaconDkg` (r:1 w:0)
	/// Proof: `Mpc::BeaconDkg` (`max_values`: Some(1), `max_size`: Some(1106), added: 1601, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyDealings` (r:1 w:0)
	/// Proof: `Mpc::KeyDealings` (`max_values`: None, `max_size`: Some(1374), added: 3849, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Workers` (r:1 w:1)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[3, 16]`.
	fn complain_dealing(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `826 + n * (182 ±0)`
		//  Estimated: `4839`
		// Minimum execution time: 458_446_000 picoseconds.
		Weight::from_parts(405_992_392, 4839)
			// Standard Error: 143_036
			.saturating_add(Weight::from_parts(18_978_266, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Mpc::KeyDealings` (r:32 w:16)
	/// Proof: `Mpc::KeyDealings` (`max_values`: None, `max_size`: Some(1374), added: 3849, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::ActiveBeaconEpoch` (r:1 w:1)
	/// Proof: `Mpc::ActiveBeaconEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::OpenBeaconRound` (r:1 w:0)
	/// Proof: `Mpc::OpenBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::LatestBeaconRound` (r:1 w:0)
	/// Proof: `Mpc::LatestBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::DealingKeys` (r:16 w:16)
	/// Proof: `Mpc::DealingKeys` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconSkip` (r:0 w:1)
	/// Proof: `Mpc::BeaconSkip` (`max_values`: Some(1), `max_size`: Some(513), added: 1008, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconRekey` (r:0 w:1)
	/// Proof: `Mpc::BeaconRekey` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconKeys` (r:0 w:2)
	/// Proof: `Mpc::BeaconKeys` (`max_values`: None, `max_size`: Some(2168), added: 4643, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconDkg` (r:0 w:1)
	/// Proof: `Mpc::BeaconDkg` (`max_values`: Some(1), `max_size`: Some(1106), added: 1601, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[3, 16]`.
	fn beacon_finish_dkg(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0 + n * (1327 ±0)`
		//  Estimated: `3509 + n * (7698 ±0)`
		// Minimum execution time: 358_256_000 picoseconds.
		Weight::from_parts(368_018_000, 3509)
			// Standard Error: 1_489_623
			.saturating_add(Weight::from_parts(135_175_717, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 7698).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::NextBeaconRound` (r:1 w:1)
	/// Proof: `Mpc::NextBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::OldestBeaconRound` (r:1 w:1)
	/// Proof: `Mpc::OldestBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::OpenBeaconRound` (r:0 w:1)
	/// Proof: `Mpc::OpenBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::LastRoundOpened` (r:0 w:1)
	/// Proof: `Mpc::LastRoundOpened` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconRounds` (r:0 w:1)
	/// Proof: `Mpc::BeaconRounds` (`max_values`: None, `max_size`: Some(1698), added: 4173, mode: `MaxEncodedLen`)
	fn beacon_open_round() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `270`
		//  Estimated: `1517`
		// Minimum execution time: 13_307_000 picoseconds.
		Weight::from_parts(15_516_000, 1517)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Mpc::BeaconRounds` (r:3 w:2)
	/// Proof: `Mpc::BeaconRounds` (`max_values`: None, `max_size`: Some(1698), added: 4173, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconKeys` (r:1 w:1)
	/// Proof: `Mpc::BeaconKeys` (`max_values`: None, `max_size`: Some(2168), added: 4643, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::OldestBeaconRound` (r:1 w:1)
	/// Proof: `Mpc::OldestBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::DrawQueue` (r:1 w:0)
	/// Proof: `Mpc::DrawQueue` (`max_values`: Some(1), `max_size`: Some(514), added: 1009, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::ActiveBeaconEpoch` (r:1 w:0)
	/// Proof: `Mpc::ActiveBeaconEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyDealings` (r:16 w:16)
	/// Proof: `Mpc::KeyDealings` (`max_values`: None, `max_size`: Some(1374), added: 3849, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::OpenBeaconRound` (r:0 w:1)
	/// Proof: `Mpc::OpenBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::LatestBeaconRound` (r:0 w:1)
	/// Proof: `Mpc::LatestBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[3, 16]`.
	fn submit_round_share(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `777 + n * (233 ±0)`
		//  Estimated: `13509 + n * (3849 ±0)`
		// Minimum execution time: 453_948_000 picoseconds.
		Weight::from_parts(390_849_994, 13509)
			// Standard Error: 116_457
			.saturating_add(Weight::from_parts(21_888_820, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3849).saturating_mul(n.into()))
	}
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::NextBeaconRound` (r:1 w:1)
	/// Proof: `Mpc::NextBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::OpenBeaconRound` (r:1 w:1)
	/// Proof: `Mpc::OpenBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::ActiveBeaconEpoch` (r:1 w:0)
	/// Proof: `Mpc::ActiveBeaconEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::OldestBeaconRound` (r:1 w:1)
	/// Proof: `Mpc::OldestBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::LastRoundOpened` (r:0 w:1)
	/// Proof: `Mpc::LastRoundOpened` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconRounds` (r:0 w:1)
	/// Proof: `Mpc::BeaconRounds` (`max_values`: None, `max_size`: Some(1698), added: 4173, mode: `MaxEncodedLen`)
	fn request_round() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `446`
		//  Estimated: `3593`
		// Minimum execution time: 58_169_000 picoseconds.
		Weight::from_parts(64_998_000, 3593)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
}

/// The same weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_worker() -> Weight {
		Weight::from_parts(228_994_000, 3593)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn rotate_key() -> Weight {
		Weight::from_parts(153_330_000, 3574)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn deregister_worker() -> Weight {
		Weight::from_parts(86_557_000, 3593)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn create_job(n: u32, ) -> Weight {
		Weight::from_parts(103_252_465, 3593)
			.saturating_add(Weight::from_parts(25_181_899, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	fn create_drawing_job() -> Weight {
		Weight::from_parts(234_856_000, 6158)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(12_u64))
	}
	fn draw_job(n: u32, ) -> Weight {
		Weight::from_parts(96_405_862, 5970)
			.saturating_add(Weight::from_parts(21_654_484, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	fn cancel_job(n: u32, ) -> Weight {
		Weight::from_parts(98_929_672, 5970)
			.saturating_add(Weight::from_parts(20_783_657, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	fn close_inputs() -> Weight {
		Weight::from_parts(41_716_000, 5970)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn submit_input(n: u32, ) -> Weight {
		Weight::from_parts(232_180_580, 5970)
			.saturating_add(Weight::from_parts(26_010_208, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	fn complain(n: u32, ) -> Weight {
		Weight::from_parts(870_213_181, 7483)
			.saturating_add(Weight::from_parts(43_414_992, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn submit_result_share(n: u32, ) -> Weight {
		Weight::from_parts(988_991_000, 5970)
			.saturating_add(Weight::from_parts(258_147_504, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3049).saturating_mul(n.into()))
	}
	fn remove_job(n: u32, ) -> Weight {
		Weight::from_parts(88_630_177, 5970)
			.saturating_add(Weight::from_parts(1_098_082, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3049).saturating_mul(n.into()))
	}
	fn on_initialize_deadlines(k: u32, ) -> Weight {
		Weight::from_parts(143_309_647, 83678)
			.saturating_add(Weight::from_parts(628_345_543, 0).saturating_mul(k.into()))
			.saturating_add(RocksDbWeight::get().reads(32_u64))
			.saturating_add(RocksDbWeight::get().reads((5_u64).saturating_mul(k.into())))
			.saturating_add(RocksDbWeight::get().writes(30_u64))
			.saturating_add(RocksDbWeight::get().writes((35_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 4980).saturating_mul(k.into()))
	}
	fn set_accepting() -> Weight {
		Weight::from_parts(44_526_000, 3574)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn advance_job(n: u32, ) -> Weight {
		Weight::from_parts(110_375_547, 5970)
			.saturating_add(Weight::from_parts(21_086_519, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	fn cleanup_input(n: u32, ) -> Weight {
		Weight::from_parts(95_854_560, 5980)
			.saturating_add(Weight::from_parts(8_169_092, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3077).saturating_mul(n.into()))
	}
	fn beacon_start_dkg(n: u32, ) -> Weight {
		Weight::from_parts(9_374_403, 3535)
			.saturating_add(Weight::from_parts(11_827_913, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	fn submit_key_dealing(n: u32, ) -> Weight {
		Weight::from_parts(249_751_198, 4839)
			.saturating_add(Weight::from_parts(11_171_696, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn complain_dealing(n: u32, ) -> Weight {
		Weight::from_parts(405_992_392, 4839)
			.saturating_add(Weight::from_parts(18_978_266, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn beacon_finish_dkg(n: u32, ) -> Weight {
		Weight::from_parts(368_018_000, 3509)
			.saturating_add(Weight::from_parts(135_175_717, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 7698).saturating_mul(n.into()))
	}
	fn beacon_open_round() -> Weight {
		Weight::from_parts(15_516_000, 1517)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn submit_round_share(n: u32, ) -> Weight {
		Weight::from_parts(390_849_994, 13509)
			.saturating_add(Weight::from_parts(21_888_820, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3849).saturating_mul(n.into()))
	}
	fn request_round() -> Weight {
		Weight::from_parts(64_998_000, 3593)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
}
