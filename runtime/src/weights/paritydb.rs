//! The runtime's database weights (`DbWeight`): what reading and writing one storage item
//! costs this node's ParityDB, from `benchmark storage` on a dev chain's state after a load
//! (`scripts/weights --db`, docs/PERFORMANCE.md). Generated; do not edit by hand.
//!
//! CLI version 64.0.0, 2026-12-02 (Y/M/D), host `vm`, CPU `AMD EPYC`.
//! Database `ParityDb`, runtime `MPC Development`, block Number(161), state version
//! V1, 1 warmup round(s), batch size 1000.
//! Weight: the Average times 1.1 plus 0 ns.
//!
//! Command:
//!   target/release/mpc-node
//!   benchmark
//!   storage
//!   --dev
//!   --base-path
//!   /tmp/tmp.kG19u3hJmW
//!   --db
//!   paritydb
//!   --state-version
//!   1
//!   --batch-size
//!   1000
//!   --mul
//!   1.1
//!   --template-path
//!   runtime/db-weight-template.hbs
//!   --weight-path
//!   runtime/src/weights/paritydb.rs

use frame_support::{
	parameter_types,
	weights::{constants, RuntimeDbWeight},
};

parameter_types! {
	/// One storage read and one storage write on this node's database.
	pub const ParityDbWeight: RuntimeDbWeight = RuntimeDbWeight {
		// Read, nanoseconds: min 781, max 1_324_898,
		// average 4_581, median 4_176, std-dev
		// 7371.69; 75th, 95th, 99th percentiles 4_677,
		// 5_598, 10_716.
		read: 5_040 * constants::WEIGHT_REF_TIME_PER_NANOS,
		// Write (with its share of the storage root), nanoseconds: min
		// 8_820, max 20_168, average
		// 13_473, median 13_076, std-dev
		// 2357.82; 75th, 95th, 99th percentiles 13_810,
		// 18_685, 20_168.
		write: 14_821 * constants::WEIGHT_REF_TIME_PER_NANOS,
	};
}
