
//! Weights for `pallet_mpc`, generated from `benchmarking.rs` by the FRAME benchmark CLI
//! 64.0.0. Do not edit: regenerate (docs/PERFORMANCE.md, "FRAME weights").
//!
//! DATE: 2026-12-01, STEPS: `50`, REPEAT: `20`
//! HOSTNAME: `vm`, CPU: `Intel(R) Xeon(R) Processor`
//! WASM-EXECUTION: `Compiled`, CHAIN: `None`, DB CACHE: `1024`
//!
//! Measured again on 2026-12-02 with the release node and the same steps and repeats, on
//! another host (`vm`, CPU `AMD EPYC`; the whole run did not fit the session: `--extrinsic
//! submit_input,cleanup_input,complain,remove_job,confirm_inputs,check_job_duty,
//! check_beacon_duty,check_key_duty,submit_result_share`): those nine functions, after the
//! disqualified list's pages (storage version 3) and `CheckWorkerDuty`'s registration check.
//! The others are the 2026-12-01 run's, and their proof sizes predate the job record's last
//! growth (`Mpc::Jobs` 2,537 bytes there, 3,051 now): a runtime that bounds proof size should
//! regenerate them all. Database accesses are priced by the runtime's `DbWeight`
//! (runtime/src/weights/paritydb.rs in the dev runtime).

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
	fn validity_one_hot(m: u32, ) -> Weight;
	fn validity_range_narrowest() -> Weight;
	fn validity_range_single_widest() -> Weight;
	fn validity_range_narrow_widest_dimension() -> Weight;
	fn validity_range_widest() -> Weight;
	fn create_key(n: u32, ) -> Weight;
	fn key_draw(n: u32, ) -> Weight;
	fn key_timeout(n: u32, ) -> Weight;
	fn key_make(n: u32, ) -> Weight;
	fn submit_key_round1(n: u32, ) -> Weight;
	fn submit_key_envelope(n: u32, ) -> Weight;
	fn complain_key_envelope(n: u32, ) -> Weight;
	fn request_signature() -> Weight;
	fn submit_sign_commitment(n: u32, ) -> Weight;
	fn submit_sign_share(n: u32, ) -> Weight;
	fn sign_timeout(n: u32, ) -> Weight;
	fn remove_key(n: u32, ) -> Weight;
	fn remove_signature() -> Weight;
	fn refresh_key(n: u32, ) -> Weight;
	fn submit_refresh_round1(n: u32, ) -> Weight;
	fn key_refresh_make(n: u32, ) -> Weight;
	fn expire_key(n: u32, ) -> Weight;
	fn confirm_key_shares(n: u32, ) -> Weight;
	fn confirm_inputs() -> Weight;
	fn check_job_duty() -> Weight;
	fn check_beacon_duty() -> Weight;
	fn check_key_duty() -> Weight;
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
		// Minimum execution time: 222_146_000 picoseconds.
		Weight::from_parts(254_660_000, 3593)
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
	/// Proof: `Mpc::BeaconDkg` (`max_values`: Some(1), `max_size`: Some(2194), added: 2689, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::ActiveBeaconEpoch` (r:1 w:0)
	/// Proof: `Mpc::ActiveBeaconEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	fn rotate_key() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `346`
		//  Estimated: `3679`
		// Minimum execution time: 144_886_000 picoseconds.
		Weight::from_parts(169_539_000, 3679)
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
	/// Proof: `Mpc::BeaconDkg` (`max_values`: Some(1), `max_size`: Some(2194), added: 2689, mode: `MaxEncodedLen`)
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
		//  Estimated: `3679`
		// Minimum execution time: 85_960_000 picoseconds.
		Weight::from_parts(99_413_000, 3679)
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
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2537), added: 5012, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Deadlines` (r:0 w:1)
	/// Proof: `Mpc::Deadlines` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerJobs` (r:0 w:32)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 32]`.
	fn create_job(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `244 + n * (164 ±0)`
		//  Estimated: `3593 + n * (2584 ±0)`
		// Minimum execution time: 173_116_000 picoseconds.
		Weight::from_parts(137_792_073, 3593)
			// Standard Error: 51_710
			.saturating_add(Weight::from_parts(30_052_449, 0).saturating_mul(n.into()))
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
	/// Storage: `Mpc::NextBeaconRound` (r:1 w:0)
	/// Proof: `Mpc::NextBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Aggregates` (r:0 w:1)
	/// Proof: `Mpc::Aggregates` (`max_values`: None, `max_size`: Some(1041), added: 3516, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Jobs` (r:0 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2537), added: 5012, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Deadlines` (r:0 w:1)
	/// Proof: `Mpc::Deadlines` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WantedRound` (r:0 w:1)
	/// Proof: `Mpc::WantedRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Drawings` (r:0 w:1)
	/// Proof: `Mpc::Drawings` (`max_values`: None, `max_size`: Some(2078), added: 4553, mode: `MaxEncodedLen`)
	fn create_drawing_job() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4768`
		//  Estimated: `6158`
		// Minimum execution time: 240_523_000 picoseconds.
		Weight::from_parts(264_066_000, 6158)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `Mpc::DrawQueue` (r:1 w:1)
	/// Proof: `Mpc::DrawQueue` (`max_values`: Some(1), `max_size`: Some(514), added: 1009, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2537), added: 5012, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Drawings` (r:1 w:1)
	/// Proof: `Mpc::Drawings` (`max_values`: None, `max_size`: Some(2078), added: 4553, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconRounds` (r:1 w:0)
	/// Proof: `Mpc::BeaconRounds` (`max_values`: None, `max_size`: Some(3298), added: 5773, mode: `MaxEncodedLen`)
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
		//  Measured:  `3975 + n * (149 ±0)`
		//  Estimated: `6763 + n * (2584 ±0)`
		// Minimum execution time: 127_866_000 picoseconds.
		Weight::from_parts(119_328_004, 6763)
			// Standard Error: 104_586
			.saturating_add(Weight::from_parts(24_127_200, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2537), added: 5012, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Committees` (r:1 w:0)
	/// Proof: `Mpc::Committees` (`max_values`: None, `max_size`: Some(2065), added: 4540, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:33 w:33)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Drawings` (r:1 w:0)
	/// Proof: `Mpc::Drawings` (`max_values`: None, `max_size`: Some(2078), added: 4553, mode: `MaxEncodedLen`)
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
		//  Measured:  `5017 + n * (267 ±0)`
		//  Estimated: `6002 + n * (2603 ±0)`
		// Minimum execution time: 197_486_000 picoseconds.
		Weight::from_parts(76_628_412, 6002)
			// Standard Error: 250_452
			.saturating_add(Weight::from_parts(70_856_155, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2537), added: 5012, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Deadlines` (r:0 w:2)
	/// Proof: `Mpc::Deadlines` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn close_inputs() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `891`
		//  Estimated: `6002`
		// Minimum execution time: 49_565_000 picoseconds.
		Weight::from_parts(55_418_000, 6002)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(3051), added: 5526, mode: `MaxEncodedLen`)
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Inputs` (r:0 w:1)
	/// Proof: `Mpc::Inputs` (`max_values`: None, `max_size`: Some(19159), added: 21634, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 32]`.
	fn submit_input(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1756 + n * (32 ±0)`
		//  Estimated: `6516`
		// Minimum execution time: 253_390_000 picoseconds.
		Weight::from_parts(258_900_476, 6516)
			// Standard Error: 227_738
			.saturating_add(Weight::from_parts(19_842_420, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(3051), added: 5526, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerJobs` (r:1 w:0)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Inputs` (r:1 w:1)
	/// Proof: `Mpc::Inputs` (`max_values`: None, `max_size`: Some(19159), added: 21634, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Committees` (r:1 w:0)
	/// Proof: `Mpc::Committees` (`max_values`: None, `max_size`: Some(2065), added: 4540, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Aggregates` (r:1 w:1)
	/// Proof: `Mpc::Aggregates` (`max_values`: None, `max_size`: Some(1041), added: 3516, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Disqualified` (r:1 w:1)
	/// Proof: `Mpc::Disqualified` (`max_values`: None, `max_size`: Some(4030), added: 6505, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 32]`.
	fn complain(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2236 + n * (702 ±0)`
		//  Estimated: `22624`
		// Minimum execution time: 827_200_000 picoseconds.
		Weight::from_parts(763_755_513, 22624)
			// Standard Error: 293_788
			.saturating_add(Weight::from_parts(42_545_376, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(3051), added: 5526, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerJobs` (r:1 w:0)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::ResultShares` (r:33 w:32)
	/// Proof: `Mpc::ResultShares` (`max_values`: None, `max_size`: Some(574), added: 3049, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Aggregates` (r:1 w:0)
	/// Proof: `Mpc::Aggregates` (`max_values`: None, `max_size`: Some(1041), added: 3516, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Committees` (r:1 w:0)
	/// Proof: `Mpc::Committees` (`max_values`: None, `max_size`: Some(2065), added: 4540, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:33 w:33)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Results` (r:0 w:1)
	/// Proof: `Mpc::Results` (`max_values`: None, `max_size`: Some(1241), added: 3716, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 32]`.
	fn submit_result_share(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1990 + n * (783 ±0)`
		//  Estimated: `6516 + n * (3049 ±0)`
		// Minimum execution time: 883_024_000 picoseconds.
		Weight::from_parts(908_412_000, 6516)
			// Standard Error: 1_936_477
			.saturating_add(Weight::from_parts(233_342_133, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3049).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(3051), added: 5526, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Cleanup` (r:1 w:0)
	/// Proof: `Mpc::Cleanup` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::ResultShares` (r:32 w:32)
	/// Proof: `Mpc::ResultShares` (`max_values`: None, `max_size`: Some(574), added: 3049, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Results` (r:0 w:1)
	/// Proof: `Mpc::Results` (`max_values`: None, `max_size`: Some(1241), added: 3716, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Aggregates` (r:0 w:1)
	/// Proof: `Mpc::Aggregates` (`max_values`: None, `max_size`: Some(1041), added: 3516, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Committees` (r:0 w:1)
	/// Proof: `Mpc::Committees` (`max_values`: None, `max_size`: Some(2065), added: 4540, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 32]`.
	fn remove_job(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1698 + n * (48 ±0)`
		//  Estimated: `6516 + n * (3049 ±0)`
		// Minimum execution time: 76_044_000 picoseconds.
		Weight::from_parts(80_777_133, 6516)
			// Standard Error: 64_588
			.saturating_add(Weight::from_parts(1_760_924, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3049).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::DeadlineCursor` (r:1 w:1)
	/// Proof: `Mpc::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Deadlines` (r:16 w:16)
	/// Proof: `Mpc::Deadlines` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Jobs` (r:16 w:16)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2537), added: 5012, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Committees` (r:16 w:0)
	/// Proof: `Mpc::Committees` (`max_values`: None, `max_size`: Some(2065), added: 4540, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:33 w:33)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Drawings` (r:16 w:0)
	/// Proof: `Mpc::Drawings` (`max_values`: None, `max_size`: Some(2078), added: 4553, mode: `MaxEncodedLen`)
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
		//  Measured:  `9815 + k * (124 ±0)`
		//  Estimated: `86889 + k * (5012 ±0)`
		// Minimum execution time: 15_328_000 picoseconds.
		Weight::from_parts(752_489_164, 86889)
			// Standard Error: 4_960_137
			.saturating_add(Weight::from_parts(1_821_464_093, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(59_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(k.into())))
			.saturating_add(T::DbWeight::get().writes(57_u64))
			.saturating_add(T::DbWeight::get().writes((35_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 5012).saturating_mul(k.into()))
	}
	/// Storage: `Mpc::Workers` (r:1 w:1)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerList` (r:1 w:1)
	/// Proof: `Mpc::WorkerList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	fn set_accepting() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2832`
		//  Estimated: `3574`
		// Minimum execution time: 43_466_000 picoseconds.
		Weight::from_parts(49_790_000, 3574)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(2537), added: 5012, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Committees` (r:1 w:0)
	/// Proof: `Mpc::Committees` (`max_values`: None, `max_size`: Some(2065), added: 4540, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:33 w:33)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Drawings` (r:1 w:0)
	/// Proof: `Mpc::Drawings` (`max_values`: None, `max_size`: Some(2078), added: 4553, mode: `MaxEncodedLen`)
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
		//  Measured:  `5017 + n * (267 ±0)`
		//  Estimated: `6002 + n * (2603 ±0)`
		// Minimum execution time: 215_186_000 picoseconds.
		Weight::from_parts(90_087_691, 6002)
			// Standard Error: 192_288
			.saturating_add(Weight::from_parts(70_921_139, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::Cleanup` (r:2 w:1)
	/// Proof: `Mpc::Cleanup` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Jobs` (r:1 w:0)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(3051), added: 5526, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Inputs` (r:1 w:1)
	/// Proof: `Mpc::Inputs` (`max_values`: None, `max_size`: Some(19159), added: 21634, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::EphemeralKeys` (r:0 w:1)
	/// Proof: `Mpc::EphemeralKeys` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::InputOf` (r:0 w:1)
	/// Proof: `Mpc::InputOf` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 32]`.
	fn cleanup_input(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1983 + n * (594 ±0)`
		//  Estimated: `22624`
		// Minimum execution time: 85_488_000 picoseconds.
		Weight::from_parts(98_958_358, 22624)
			// Standard Error: 59_856
			.saturating_add(Weight::from_parts(5_950_319, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Mpc::WorkerList` (r:1 w:0)
	/// Proof: `Mpc::WorkerList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconSkip` (r:1 w:0)
	/// Proof: `Mpc::BeaconSkip` (`max_values`: Some(1), `max_size`: Some(1025), added: 1520, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Workers` (r:32 w:0)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::NextBeaconEpoch` (r:1 w:1)
	/// Proof: `Mpc::NextBeaconEpoch` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconDkg` (r:0 w:1)
	/// Proof: `Mpc::BeaconDkg` (`max_values`: Some(1), `max_size`: Some(2194), added: 2689, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[3, 32]`.
	fn beacon_start_dkg(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `106 + n * (148 ±0)`
		//  Estimated: `3535 + n * (2584 ±0)`
		// Minimum execution time: 46_831_000 picoseconds.
		Weight::from_parts(15_645_145, 3535)
			// Standard Error: 16_578
			.saturating_add(Weight::from_parts(12_728_270, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::BeaconDkg` (r:1 w:0)
	/// Proof: `Mpc::BeaconDkg` (`max_values`: Some(1), `max_size`: Some(2194), added: 2689, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyDealings` (r:1 w:1)
	/// Proof: `Mpc::KeyDealings` (`max_values`: None, `max_size`: Some(2654), added: 5129, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::DealingKeys` (r:1 w:1)
	/// Proof: `Mpc::DealingKeys` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[3, 32]`.
	fn submit_key_dealing(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `216 + n * (64 ±0)`
		//  Estimated: `6119`
		// Minimum execution time: 279_394_000 picoseconds.
		Weight::from_parts(270_221_478, 6119)
			// Standard Error: 42_364
			.saturating_add(Weight::from_parts(12_872_814, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Mpc::BeaconDkg` (r:1 w:0)
	/// Proof: `Mpc::BeaconDkg` (`max_values`: Some(1), `max_size`: Some(2194), added: 2689, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyDealings` (r:1 w:0)
	/// Proof: `Mpc::KeyDealings` (`max_values`: None, `max_size`: Some(2654), added: 5129, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Workers` (r:1 w:1)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[3, 32]`.
	fn complain_dealing(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `881 + n * (176 ±0)`
		//  Estimated: `6119`
		// Minimum execution time: 477_885_000 picoseconds.
		Weight::from_parts(453_910_079, 6119)
			// Standard Error: 145_865
			.saturating_add(Weight::from_parts(21_476_064, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Mpc::KeyDealings` (r:64 w:32)
	/// Proof: `Mpc::KeyDealings` (`max_values`: None, `max_size`: Some(2654), added: 5129, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::ActiveBeaconEpoch` (r:1 w:1)
	/// Proof: `Mpc::ActiveBeaconEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::OpenBeaconRound` (r:1 w:0)
	/// Proof: `Mpc::OpenBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::LatestBeaconRound` (r:1 w:0)
	/// Proof: `Mpc::LatestBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::DealingKeys` (r:32 w:32)
	/// Proof: `Mpc::DealingKeys` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconSkip` (r:0 w:1)
	/// Proof: `Mpc::BeaconSkip` (`max_values`: Some(1), `max_size`: Some(1025), added: 1520, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconRekey` (r:0 w:1)
	/// Proof: `Mpc::BeaconRekey` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconKeys` (r:0 w:2)
	/// Proof: `Mpc::BeaconKeys` (`max_values`: None, `max_size`: Some(4280), added: 6755, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconDkg` (r:0 w:1)
	/// Proof: `Mpc::BeaconDkg` (`max_values`: Some(1), `max_size`: Some(2194), added: 2689, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[3, 32]`.
	fn beacon_finish_dkg(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0 + n * (2365 ±0)`
		//  Estimated: `3509 + n * (10258 ±0)`
		// Minimum execution time: 393_137_000 picoseconds.
		Weight::from_parts(406_795_000, 3509)
			// Standard Error: 2_729_768
			.saturating_add(Weight::from_parts(268_133_537, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 10258).saturating_mul(n.into()))
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
	/// Proof: `Mpc::BeaconRounds` (`max_values`: None, `max_size`: Some(3298), added: 5773, mode: `MaxEncodedLen`)
	fn beacon_open_round() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `270`
		//  Estimated: `1517`
		// Minimum execution time: 15_891_000 picoseconds.
		Weight::from_parts(18_847_000, 1517)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Mpc::BeaconRounds` (r:3 w:2)
	/// Proof: `Mpc::BeaconRounds` (`max_values`: None, `max_size`: Some(3298), added: 5773, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconKeys` (r:1 w:1)
	/// Proof: `Mpc::BeaconKeys` (`max_values`: None, `max_size`: Some(4280), added: 6755, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::OldestBeaconRound` (r:1 w:1)
	/// Proof: `Mpc::OldestBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::DrawQueue` (r:1 w:0)
	/// Proof: `Mpc::DrawQueue` (`max_values`: Some(1), `max_size`: Some(514), added: 1009, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::ActiveBeaconEpoch` (r:1 w:0)
	/// Proof: `Mpc::ActiveBeaconEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyDealings` (r:32 w:32)
	/// Proof: `Mpc::KeyDealings` (`max_values`: None, `max_size`: Some(2654), added: 5129, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::OpenBeaconRound` (r:0 w:1)
	/// Proof: `Mpc::OpenBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::LatestBeaconRound` (r:0 w:1)
	/// Proof: `Mpc::LatestBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[3, 32]`.
	fn submit_round_share(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `826 + n * (225 ±0)`
		//  Estimated: `18309 + n * (5129 ±0)`
		// Minimum execution time: 469_000_000 picoseconds.
		Weight::from_parts(466_368_555, 18309)
			// Standard Error: 127_238
			.saturating_add(Weight::from_parts(23_320_797, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5129).saturating_mul(n.into()))
	}
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::NextBeaconRound` (r:1 w:0)
	/// Proof: `Mpc::NextBeaconRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WantedRound` (r:0 w:1)
	/// Proof: `Mpc::WantedRound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	fn request_round() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `430`
		//  Estimated: `3593`
		// Minimum execution time: 63_808_000 picoseconds.
		Weight::from_parts(73_906_000, 3593)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	// The five validity weights below were measured on 2026-12-01 by the same benchmarks with
	// the debug node (`--extrinsic validity_* --steps 17 --repeat 10`, PERFORMANCE.md): the
	// curve arithmetic runs in the runtime's optimised wasm either way, what the host does for
	// it unoptimised, so these are if anything high. The next full run of scripts/weights
	// regenerates them with the rest.
	/// The range of component `m` is `[1, 17]`.
	fn validity_one_hot(m: u32, ) -> Weight {
		Weight::from_parts(32_103_406, 0)
			.saturating_add(Weight::from_parts(123_429_911, 0).saturating_mul(m.into()))
	}
	fn validity_range_narrowest() -> Weight {
		Weight::from_parts(2_113_448_000, 0)
	}
	fn validity_range_single_widest() -> Weight {
		Weight::from_parts(10_132_179_000, 0)
	}
	fn validity_range_narrow_widest_dimension() -> Weight {
		Weight::from_parts(25_707_783_000, 0)
	}
	fn validity_range_widest() -> Weight {
		Weight::from_parts(125_615_861_000, 0)
	}
	// The threshold-key weights below (create_key .. remove_signature) were measured on
	// 2026-12-01 by their benchmarks with the debug node (`--extrinsic create_key,...
	// --steps 8 --repeat 5`, docs/PERFORMANCE.md): the FROST arithmetic runs in the runtime's
	// optimised wasm either way, the host's storage unoptimised, so these are high (the same
	// run of earlier benchmarks is compared in PERFORMANCE.md). The next full run of
	// scripts/weights regenerates them with the rest.
	/// Storage: `Mpc::WorkerList` (r:1 w:0)
	/// Proof: `Mpc::WorkerList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeySeats` (r:16 w:16)
	/// Proof: `Mpc::KeySeats` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::PendingKeys` (r:1 w:1)
	/// Proof: `Mpc::PendingKeys` (`max_values`: Some(1), `max_size`: Some(129), added: 624, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::NextKeyId` (r:1 w:1)
	/// Proof: `Mpc::NextKeyId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Workers` (r:16 w:0)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::ThresholdKeys` (r:0 w:1)
	/// Proof: `Mpc::ThresholdKeys` (`max_values`: None, `max_size`: Some(2143), added: 4618, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 16]`.
	fn create_key(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `311 + n * (160 ±0)`
		//  Estimated: `3676 + n * (2584 ±0)`
		// Minimum execution time: 2_104_070_000 picoseconds.
		Weight::from_parts(1_974_706_625, 3676)
			// Standard Error: 1_700_316
			.saturating_add(Weight::from_parts(205_659_377, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::WorkerList` (r:1 w:0)
	/// Proof: `Mpc::WorkerList` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeySeats` (r:16 w:16)
	/// Proof: `Mpc::KeySeats` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Workers` (r:16 w:0)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 16]`.
	fn key_draw(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3035 + n * (144 ±0)`
		//  Estimated: `3535 + n * (2584 ±0)`
		// Minimum execution time: 617_002_000 picoseconds.
		Weight::from_parts(342_006_452, 3535)
			// Standard Error: 2_166_387
			.saturating_add(Weight::from_parts(177_227_169, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::PendingKeys` (r:1 w:1)
	/// Proof: `Mpc::PendingKeys` (`max_values`: Some(1), `max_size`: Some(129), added: 624, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::ThresholdKeys` (r:1 w:1)
	/// Proof: `Mpc::ThresholdKeys` (`max_values`: None, `max_size`: Some(2143), added: 4618, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyRound1` (r:16 w:16)
	/// Proof: `Mpc::KeyRound1` (`max_values`: None, `max_size`: Some(605), added: 3080, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyEnvelopes` (r:15 w:15)
	/// Proof: `Mpc::KeyEnvelopes` (`max_values`: None, `max_size`: Some(925), added: 3400, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeySeats` (r:16 w:16)
	/// Proof: `Mpc::KeySeats` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 16]`.
	fn key_timeout(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `347 + n * (254 ±0)`
		//  Estimated: `5608 + n * (3080 ±0)`
		// Minimum execution time: 611_922_000 picoseconds.
		Weight::from_parts(425_257_071, 5608)
			// Standard Error: 4_395_772
			.saturating_add(Weight::from_parts(118_263_672, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3080).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::PendingKeys` (r:1 w:1)
	/// Proof: `Mpc::PendingKeys` (`max_values`: Some(1), `max_size`: Some(129), added: 624, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::ThresholdKeys` (r:1 w:1)
	/// Proof: `Mpc::ThresholdKeys` (`max_values`: None, `max_size`: Some(2143), added: 4618, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyRound1` (r:16 w:0)
	/// Proof: `Mpc::KeyRound1` (`max_values`: None, `max_size`: Some(605), added: 3080, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 16]`.
	fn key_make(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0 + n * (724 ±0)`
		//  Estimated: `5608 + n * (3080 ±0)`
		// Minimum execution time: 2_150_104_000 picoseconds.
		Weight::from_parts(2_158_375_000, 5608)
			// Standard Error: 264_586_822
			.saturating_add(Weight::from_parts(4_501_359_619, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3080).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::ThresholdKeys` (r:1 w:1)
	/// Proof: `Mpc::ThresholdKeys` (`max_values`: None, `max_size`: Some(2143), added: 4618, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyRound1` (r:0 w:1)
	/// Proof: `Mpc::KeyRound1` (`max_values`: None, `max_size`: Some(605), added: 3080, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 16]`.
	fn submit_key_round1(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `360 + n * (100 ±0)`
		//  Estimated: `5608`
		// Minimum execution time: 891_157_000 picoseconds.
		Weight::from_parts(694_450_138, 5608)
			// Standard Error: 1_200_473
			.saturating_add(Weight::from_parts(133_329_504, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Mpc::ThresholdKeys` (r:1 w:1)
	/// Proof: `Mpc::ThresholdKeys` (`max_values`: None, `max_size`: Some(2143), added: 4618, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyRound1` (r:1 w:0)
	/// Proof: `Mpc::KeyRound1` (`max_values`: None, `max_size`: Some(605), added: 3080, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyEnvelopes` (r:0 w:1)
	/// Proof: `Mpc::KeyEnvelopes` (`max_values`: None, `max_size`: Some(925), added: 3400, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 16]`.
	fn submit_key_envelope(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `494 + n * (154 ±0)`
		//  Estimated: `5608`
		// Minimum execution time: 656_118_000 picoseconds.
		Weight::from_parts(670_652_297, 5608)
			// Standard Error: 2_442_554
			.saturating_add(Weight::from_parts(23_036_628, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Mpc::ThresholdKeys` (r:1 w:1)
	/// Proof: `Mpc::ThresholdKeys` (`max_values`: None, `max_size`: Some(2143), added: 4618, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyEnvelopes` (r:16 w:16)
	/// Proof: `Mpc::KeyEnvelopes` (`max_values`: None, `max_size`: Some(925), added: 3400, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyRound1` (r:16 w:16)
	/// Proof: `Mpc::KeyRound1` (`max_values`: None, `max_size`: Some(605), added: 3080, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Workers` (r:1 w:1)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeySeats` (r:16 w:16)
	/// Proof: `Mpc::KeySeats` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::PendingKeys` (r:1 w:1)
	/// Proof: `Mpc::PendingKeys` (`max_values`: Some(1), `max_size`: Some(129), added: 624, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 16]`.
	fn complain_key_envelope(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `949 + n * (337 ±0)`
		//  Estimated: `5608 + n * (3400 ±0)`
		// Minimum execution time: 2_677_359_000 picoseconds.
		Weight::from_parts(2_153_188_083, 5608)
			// Standard Error: 8_291_746
			.saturating_add(Weight::from_parts(347_492_263, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3400).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::ThresholdKeys` (r:1 w:1)
	/// Proof: `Mpc::ThresholdKeys` (`max_values`: None, `max_size`: Some(2143), added: 4618, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::OpenSignRequests` (r:1 w:1)
	/// Proof: `Mpc::OpenSignRequests` (`max_values`: Some(1), `max_size`: Some(257), added: 752, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::NextSignRequestId` (r:1 w:1)
	/// Proof: `Mpc::NextSignRequestId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::SignRequests` (r:0 w:1)
	/// Proof: `Mpc::SignRequests` (`max_values`: None, `max_size`: Some(2911), added: 5386, mode: `MaxEncodedLen`)
	fn request_signature() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1114`
		//  Estimated: `5608`
		// Minimum execution time: 1_893_827_000 picoseconds.
		Weight::from_parts(2_122_424_000, 5608)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Mpc::ThresholdKeys` (r:1 w:0)
	/// Proof: `Mpc::ThresholdKeys` (`max_values`: None, `max_size`: Some(2143), added: 4618, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::SignRequests` (r:1 w:1)
	/// Proof: `Mpc::SignRequests` (`max_values`: None, `max_size`: Some(2911), added: 5386, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Workers` (r:1 w:0)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 16]`.
	fn submit_sign_commitment(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1749 + n * (177 ±0)`
		//  Estimated: `6376`
		// Minimum execution time: 807_751_000 picoseconds.
		Weight::from_parts(887_053_761, 6376)
			// Standard Error: 3_577_209
			.saturating_add(Weight::from_parts(14_878_410, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Mpc::ThresholdKeys` (r:1 w:1)
	/// Proof: `Mpc::ThresholdKeys` (`max_values`: None, `max_size`: Some(2143), added: 4618, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::SignRequests` (r:1 w:1)
	/// Proof: `Mpc::SignRequests` (`max_values`: None, `max_size`: Some(2911), added: 5386, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::OpenSignRequests` (r:1 w:1)
	/// Proof: `Mpc::OpenSignRequests` (`max_values`: Some(1), `max_size`: Some(257), added: 752, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 16]`.
	fn submit_sign_share(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1646 + n * (200 ±0)`
		//  Estimated: `6376`
		// Minimum execution time: 3_579_319_000 picoseconds.
		Weight::from_parts(2_205_949_226, 6376)
			// Standard Error: 8_194_289
			.saturating_add(Weight::from_parts(722_024_664, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Mpc::OpenSignRequests` (r:1 w:1)
	/// Proof: `Mpc::OpenSignRequests` (`max_values`: Some(1), `max_size`: Some(257), added: 752, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::SignRequests` (r:1 w:1)
	/// Proof: `Mpc::SignRequests` (`max_values`: None, `max_size`: Some(2911), added: 5386, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::ThresholdKeys` (r:1 w:1)
	/// Proof: `Mpc::ThresholdKeys` (`max_values`: None, `max_size`: Some(2143), added: 4618, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 16]`.
	fn sign_timeout(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1628 + n * (164 ±0)`
		//  Estimated: `6376`
		// Minimum execution time: 394_160_000 picoseconds.
		Weight::from_parts(401_903_095, 6376)
			// Standard Error: 1_832_155
			.saturating_add(Weight::from_parts(12_510_105, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Mpc::ThresholdKeys` (r:1 w:1)
	/// Proof: `Mpc::ThresholdKeys` (`max_values`: None, `max_size`: Some(2143), added: 4618, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeySeats` (r:16 w:16)
	/// Proof: `Mpc::KeySeats` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyRound1` (r:16 w:16)
	/// Proof: `Mpc::KeyRound1` (`max_values`: None, `max_size`: Some(605), added: 3080, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyEnvelopes` (r:16 w:16)
	/// Proof: `Mpc::KeyEnvelopes` (`max_values`: None, `max_size`: Some(925), added: 3400, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 16]`.
	fn remove_key(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `708 + n * (260 ±0)`
		//  Estimated: `5608 + n * (3400 ±0)`
		// Minimum execution time: 1_448_455_000 picoseconds.
		Weight::from_parts(1_302_102_261, 5608)
			// Standard Error: 2_429_676
			.saturating_add(Weight::from_parts(112_996_077, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3400).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::SignRequests` (r:1 w:1)
	/// Proof: `Mpc::SignRequests` (`max_values`: None, `max_size`: Some(2911), added: 5386, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(211), added: 2686, mode: `MaxEncodedLen`)
	fn remove_signature() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1769`
		//  Estimated: `6376`
		// Minimum execution time: 1_126_355_000 picoseconds.
		Weight::from_parts(1_244_363_000, 6376)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Mpc::ThresholdKeys` (r:1 w:1)
	/// Proof: `Mpc::ThresholdKeys` (`max_values`: None, `max_size`: Some(2143), added: 4618, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::PendingKeys` (r:1 w:1)
	/// Proof: `Mpc::PendingKeys` (`max_values`: Some(1), `max_size`: Some(129), added: 624, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyRefreshes` (r:0 w:1)
	/// Proof: `Mpc::KeyRefreshes` (`max_values`: None, `max_size`: Some(1708), added: 4183, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 16]`.
	fn refresh_key(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `475 + n * (100 ±0)`
		//  Estimated: `5608`
		// Minimum execution time: 416_210_000 picoseconds.
		Weight::from_parts(458_925_547, 5608)
			// Standard Error: 1_629_359
			.saturating_add(Weight::from_parts(12_938_378, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Mpc::ThresholdKeys` (r:1 w:0)
	/// Proof: `Mpc::ThresholdKeys` (`max_values`: None, `max_size`: Some(2143), added: 4618, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyRefreshes` (r:1 w:1)
	/// Proof: `Mpc::KeyRefreshes` (`max_values`: None, `max_size`: Some(1708), added: 4183, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyRefreshRound1` (r:0 w:1)
	/// Proof: `Mpc::KeyRefreshRound1` (`max_values`: None, `max_size`: Some(553), added: 3028, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 16]`.
	fn submit_refresh_round1(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `574 + n * (204 ±0)`
		//  Estimated: `5608`
		// Minimum execution time: 704_127_000 picoseconds.
		Weight::from_parts(461_064_940, 5608)
			// Standard Error: 3_342_130
			.saturating_add(Weight::from_parts(140_639_613, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Mpc::PendingKeys` (r:1 w:1)
	/// Proof: `Mpc::PendingKeys` (`max_values`: Some(1), `max_size`: Some(129), added: 624, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::ThresholdKeys` (r:1 w:1)
	/// Proof: `Mpc::ThresholdKeys` (`max_values`: None, `max_size`: Some(2143), added: 4618, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyRefreshes` (r:1 w:0)
	/// Proof: `Mpc::KeyRefreshes` (`max_values`: None, `max_size`: Some(1708), added: 4183, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyRefreshRound1` (r:16 w:0)
	/// Proof: `Mpc::KeyRefreshRound1` (`max_values`: None, `max_size`: Some(553), added: 3028, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::OpenSignRequests` (r:1 w:0)
	/// Proof: `Mpc::OpenSignRequests` (`max_values`: Some(1), `max_size`: Some(257), added: 752, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 16]`.
	fn key_refresh_make(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0 + n * (732 ±0)`
		//  Estimated: `5608 + n * (3028 ±0)`
		// Minimum execution time: 1_552_413_000 picoseconds.
		Weight::from_parts(1_574_822_000, 5608)
			// Standard Error: 161_384_892
			.saturating_add(Weight::from_parts(2_979_258_633, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3028).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::ThresholdKeys` (r:1 w:1)
	/// Proof: `Mpc::ThresholdKeys` (`max_values`: None, `max_size`: Some(2143), added: 4618, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyRefreshRound1` (r:128 w:128)
	/// Proof: `Mpc::KeyRefreshRound1` (`max_values`: None, `max_size`: Some(553), added: 3028, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyRefreshEnvelopes` (r:128 w:128)
	/// Proof: `Mpc::KeyRefreshEnvelopes` (`max_values`: None, `max_size`: Some(937), added: 3412, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyRound1` (r:16 w:16)
	/// Proof: `Mpc::KeyRound1` (`max_values`: None, `max_size`: Some(605), added: 3080, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyEnvelopes` (r:16 w:16)
	/// Proof: `Mpc::KeyEnvelopes` (`max_values`: None, `max_size`: Some(925), added: 3400, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeySeats` (r:16 w:16)
	/// Proof: `Mpc::KeySeats` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::OpenSignRequests` (r:1 w:0)
	/// Proof: `Mpc::OpenSignRequests` (`max_values`: Some(1), `max_size`: Some(257), added: 752, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyRefreshes` (r:0 w:8)
	/// Proof: `Mpc::KeyRefreshes` (`max_values`: None, `max_size`: Some(1708), added: 4183, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 16]`.
	fn expire_key(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1581 + n * (638 ±0)`
		//  Estimated: `5608 + n * (27296 ±0)`
		// Minimum execution time: 2_621_643_000 picoseconds.
		Weight::from_parts(2_370_216_690, 5608)
			// Standard Error: 13_129_032
			.saturating_add(Weight::from_parts(275_987_001, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((19_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(9_u64))
			.saturating_add(T::DbWeight::get().writes((19_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 27296).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::ThresholdKeys` (r:1 w:1)
	/// Proof: `Mpc::ThresholdKeys` (`max_values`: None, `max_size`: Some(2143), added: 4618, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::KeyEnvelopes` (r:16 w:0)
	/// Proof: `Mpc::KeyEnvelopes` (`max_values`: None, `max_size`: Some(925), added: 3400, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[2, 16]`.
	fn confirm_key_shares(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0 + n * (1064 ±0)`
		//  Estimated: `5608 + n * (3400 ±0)`
		// Minimum execution time: 539_697_000 picoseconds.
		Weight::from_parts(406_269_750, 5608)
			// Standard Error: 6_066_698
			.saturating_add(Weight::from_parts(106_552_402, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 3400).saturating_mul(n.into()))
	}
	/// Storage: `Mpc::Jobs` (r:1 w:1)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(3051), added: 5526, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::WorkerJobs` (r:1 w:0)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::InputConfirmations` (r:1 w:1)
	/// Proof: `Mpc::InputConfirmations` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Deadlines` (r:0 w:2)
	/// Proof: `Mpc::Deadlines` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn confirm_inputs() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1636`
		//  Estimated: `6516`
		// Minimum execution time: 61_462_000 picoseconds.
		Weight::from_parts(76_255_000, 6516)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Mpc::WorkerJobs` (r:1 w:0)
	/// Proof: `Mpc::WorkerJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Committees` (r:1 w:0)
	/// Proof: `Mpc::Committees` (`max_values`: None, `max_size`: Some(2065), added: 4540, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Workers` (r:1 w:0)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Jobs` (r:1 w:0)
	/// Proof: `Mpc::Jobs` (`max_values`: None, `max_size`: Some(3051), added: 5526, mode: `MaxEncodedLen`)
	fn check_job_duty() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4097`
		//  Estimated: `6516`
		// Minimum execution time: 215_273_000 picoseconds.
		Weight::from_parts(231_197_000, 6516)
			.saturating_add(T::DbWeight::get().reads(4_u64))
	}
	/// Storage: `Mpc::BeaconRounds` (r:1 w:0)
	/// Proof: `Mpc::BeaconRounds` (`max_values`: None, `max_size`: Some(3298), added: 5773, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::BeaconKeys` (r:1 w:0)
	/// Proof: `Mpc::BeaconKeys` (`max_values`: None, `max_size`: Some(4280), added: 6755, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Workers` (r:1 w:0)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	fn check_beacon_duty() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `7978`
		//  Estimated: `7745`
		// Minimum execution time: 212_429_000 picoseconds.
		Weight::from_parts(222_224_000, 7745)
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
	/// Storage: `Mpc::SignRequests` (r:1 w:0)
	/// Proof: `Mpc::SignRequests` (`max_values`: None, `max_size`: Some(2911), added: 5386, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::ThresholdKeys` (r:1 w:0)
	/// Proof: `Mpc::ThresholdKeys` (`max_values`: None, `max_size`: Some(2143), added: 4618, mode: `MaxEncodedLen`)
	/// Storage: `Mpc::Workers` (r:1 w:0)
	/// Proof: `Mpc::Workers` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	fn check_key_duty() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4662`
		//  Estimated: `6376`
		// Minimum execution time: 123_104_000 picoseconds.
		Weight::from_parts(133_471_000, 6376)
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
}
/// The same weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_worker() -> Weight {
		Weight::from_parts(254_660_000, 3593)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn rotate_key() -> Weight {
		Weight::from_parts(169_539_000, 3679)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn deregister_worker() -> Weight {
		Weight::from_parts(99_413_000, 3679)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn create_job(n: u32, ) -> Weight {
		Weight::from_parts(137_792_073, 3593)
			.saturating_add(Weight::from_parts(30_052_449, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	fn create_drawing_job() -> Weight {
		Weight::from_parts(264_066_000, 6158)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(9_u64))
	}
	fn draw_job(n: u32, ) -> Weight {
		Weight::from_parts(119_328_004, 6763)
			.saturating_add(Weight::from_parts(24_127_200, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	fn cancel_job(n: u32, ) -> Weight {
		Weight::from_parts(76_628_412, 6002)
			.saturating_add(Weight::from_parts(70_856_155, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(n.into()))
	}
	fn close_inputs() -> Weight {
		Weight::from_parts(55_418_000, 6002)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn submit_input(n: u32, ) -> Weight {
		Weight::from_parts(258_900_476, 6516)
			.saturating_add(Weight::from_parts(19_842_420, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn complain(n: u32, ) -> Weight {
		Weight::from_parts(763_755_513, 22624)
			.saturating_add(Weight::from_parts(42_545_376, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn submit_result_share(n: u32, ) -> Weight {
		Weight::from_parts(908_412_000, 6516)
			.saturating_add(Weight::from_parts(233_342_133, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3049).saturating_mul(n.into()))
	}
	fn remove_job(n: u32, ) -> Weight {
		Weight::from_parts(80_777_133, 6516)
			.saturating_add(Weight::from_parts(1_760_924, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3049).saturating_mul(n.into()))
	}
	fn on_initialize_deadlines(k: u32, ) -> Weight {
		Weight::from_parts(752_489_164, 86889)
			.saturating_add(Weight::from_parts(1_821_464_093, 0).saturating_mul(k.into()))
			.saturating_add(RocksDbWeight::get().reads(59_u64))
			.saturating_add(RocksDbWeight::get().reads((5_u64).saturating_mul(k.into())))
			.saturating_add(RocksDbWeight::get().writes(57_u64))
			.saturating_add(RocksDbWeight::get().writes((35_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 5012).saturating_mul(k.into()))
	}
	fn set_accepting() -> Weight {
		Weight::from_parts(49_790_000, 3574)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn advance_job(n: u32, ) -> Weight {
		Weight::from_parts(90_087_691, 6002)
			.saturating_add(Weight::from_parts(70_921_139, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(n.into()))
	}
	fn cleanup_input(n: u32, ) -> Weight {
		Weight::from_parts(98_958_358, 22624)
			.saturating_add(Weight::from_parts(5_950_319, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn beacon_start_dkg(n: u32, ) -> Weight {
		Weight::from_parts(15_645_145, 3535)
			.saturating_add(Weight::from_parts(12_728_270, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	fn submit_key_dealing(n: u32, ) -> Weight {
		Weight::from_parts(270_221_478, 6119)
			.saturating_add(Weight::from_parts(12_872_814, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn complain_dealing(n: u32, ) -> Weight {
		Weight::from_parts(453_910_079, 6119)
			.saturating_add(Weight::from_parts(21_476_064, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn beacon_finish_dkg(n: u32, ) -> Weight {
		Weight::from_parts(406_795_000, 3509)
			.saturating_add(Weight::from_parts(268_133_537, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 10258).saturating_mul(n.into()))
	}
	fn beacon_open_round() -> Weight {
		Weight::from_parts(18_847_000, 1517)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn submit_round_share(n: u32, ) -> Weight {
		Weight::from_parts(466_368_555, 18309)
			.saturating_add(Weight::from_parts(23_320_797, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5129).saturating_mul(n.into()))
	}
	fn request_round() -> Weight {
		Weight::from_parts(73_906_000, 3593)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	// The five validity weights below were measured on 2026-12-01 by the same benchmarks with
	// the debug node (`--extrinsic validity_* --steps 17 --repeat 10`, PERFORMANCE.md): the
	// curve arithmetic runs in the runtime's optimised wasm either way, what the host does for
	// it unoptimised, so these are if anything high. The next full run of scripts/weights
	// regenerates them with the rest.
	/// The range of component `m` is `[1, 17]`.
	fn validity_one_hot(m: u32, ) -> Weight {
		Weight::from_parts(32_103_406, 0)
			.saturating_add(Weight::from_parts(123_429_911, 0).saturating_mul(m.into()))
	}
	fn validity_range_narrowest() -> Weight {
		Weight::from_parts(2_113_448_000, 0)
	}
	fn validity_range_single_widest() -> Weight {
		Weight::from_parts(10_132_179_000, 0)
	}
	fn validity_range_narrow_widest_dimension() -> Weight {
		Weight::from_parts(25_707_783_000, 0)
	}
	fn validity_range_widest() -> Weight {
		Weight::from_parts(125_615_861_000, 0)
	}
	// The threshold-key weights below (create_key .. remove_signature) were measured on
	// 2026-12-01 by their benchmarks with the debug node (`--extrinsic create_key,...
	// --steps 8 --repeat 5`, docs/PERFORMANCE.md): the FROST arithmetic runs in the runtime's
	// optimised wasm either way, the host's storage unoptimised, so these are high (the same
	// run of earlier benchmarks is compared in PERFORMANCE.md). The next full run of
	// scripts/weights regenerates them with the rest.
	fn create_key(n: u32, ) -> Weight {
		Weight::from_parts(1_974_706_625, 3676)
			.saturating_add(Weight::from_parts(205_659_377, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	fn key_draw(n: u32, ) -> Weight {
		Weight::from_parts(342_006_452, 3535)
			.saturating_add(Weight::from_parts(177_227_169, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
	}
	fn key_timeout(n: u32, ) -> Weight {
		Weight::from_parts(425_257_071, 5608)
			.saturating_add(Weight::from_parts(118_263_672, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3080).saturating_mul(n.into()))
	}
	fn key_make(n: u32, ) -> Weight {
		Weight::from_parts(2_158_375_000, 5608)
			.saturating_add(Weight::from_parts(4_501_359_619, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3080).saturating_mul(n.into()))
	}
	fn submit_key_round1(n: u32, ) -> Weight {
		Weight::from_parts(694_450_138, 5608)
			.saturating_add(Weight::from_parts(133_329_504, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn submit_key_envelope(n: u32, ) -> Weight {
		Weight::from_parts(670_652_297, 5608)
			.saturating_add(Weight::from_parts(23_036_628, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn complain_key_envelope(n: u32, ) -> Weight {
		Weight::from_parts(2_153_188_083, 5608)
			.saturating_add(Weight::from_parts(347_492_263, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3400).saturating_mul(n.into()))
	}
	fn request_signature() -> Weight {
		Weight::from_parts(2_122_424_000, 5608)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn submit_sign_commitment(n: u32, ) -> Weight {
		Weight::from_parts(887_053_761, 6376)
			.saturating_add(Weight::from_parts(14_878_410, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn submit_sign_share(n: u32, ) -> Weight {
		Weight::from_parts(2_205_949_226, 6376)
			.saturating_add(Weight::from_parts(722_024_664, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn sign_timeout(n: u32, ) -> Weight {
		Weight::from_parts(401_903_095, 6376)
			.saturating_add(Weight::from_parts(12_510_105, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn remove_key(n: u32, ) -> Weight {
		Weight::from_parts(1_302_102_261, 5608)
			.saturating_add(Weight::from_parts(112_996_077, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3400).saturating_mul(n.into()))
	}
	fn remove_signature() -> Weight {
		Weight::from_parts(1_244_363_000, 6376)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn refresh_key(n: u32, ) -> Weight {
		Weight::from_parts(458_925_547, 5608)
			.saturating_add(Weight::from_parts(12_938_378, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn submit_refresh_round1(n: u32, ) -> Weight {
		Weight::from_parts(461_064_940, 5608)
			.saturating_add(Weight::from_parts(140_639_613, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn key_refresh_make(n: u32, ) -> Weight {
		Weight::from_parts(1_574_822_000, 5608)
			.saturating_add(Weight::from_parts(2_979_258_633, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3028).saturating_mul(n.into()))
	}
	fn expire_key(n: u32, ) -> Weight {
		Weight::from_parts(2_370_216_690, 5608)
			.saturating_add(Weight::from_parts(275_987_001, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((19_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(9_u64))
			.saturating_add(RocksDbWeight::get().writes((19_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 27296).saturating_mul(n.into()))
	}
	fn confirm_key_shares(n: u32, ) -> Weight {
		Weight::from_parts(406_269_750, 5608)
			.saturating_add(Weight::from_parts(106_552_402, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 3400).saturating_mul(n.into()))
	}
	fn confirm_inputs() -> Weight {
		Weight::from_parts(76_255_000, 6516)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn check_job_duty() -> Weight {
		Weight::from_parts(231_197_000, 6516)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
	}
	fn check_beacon_duty() -> Weight {
		Weight::from_parts(222_224_000, 7745)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
	}
	fn check_key_duty() -> Weight {
		Weight::from_parts(133_471_000, 6376)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
	}
}