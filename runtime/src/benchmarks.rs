//! The pallets benchmarked by `frame_benchmarking::Benchmark` (`runtime-benchmarks` only).
//!
//! `pallet_mpc` needs its `#[benchmarks]` module (behind its `runtime-benchmarks` feature) for
//! this list to compile.

use crate::Runtime;

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_mpc, Mpc]
);

// Here rather than inside `dispatch_benchmark`: an impl inside a function body trips the
// `non_local_definitions` lint.
impl frame_system_benchmarking::Config for Runtime {}
impl frame_benchmarking::baseline::Config for Runtime {}
