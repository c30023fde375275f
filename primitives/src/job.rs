//! A job's life, as the chain stores it and every party reads it: one enum for the pallet,
//! the worker and the clients.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Why a job failed.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum FailureReason {
	/// Fewer than `min_inputs` inputs qualified.
	TooFewInputs,
	/// Fewer than `t + 1` valid result shares arrived before the compute deadline.
	NotEnoughResultShares,
}

/// Where a job is in its life.
///
/// ```text
///  create ──> Collecting ──(window end | max inputs | owner closes)──> Verifying
///                 │                                                      │ complaint window end
///                 ├─ cancel (no inputs) ─> Cancelled                     v
///                 └─ too few inputs ──────> Failed <── too few ──── Computing
///                                            ^                         │ t + 1 valid shares
///                                            └─ compute deadline ──────┤
///                                                                      v
///                                                 Completed ── compute deadline ──> Settled
/// ```
///
/// The last three phases are final: the escrow is settled and the committee is free.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum JobPhase {
	/// Accepting inputs until the deadline; committee workers may complain.
	Collecting,
	/// Inputs closed; committee workers may still complain until the deadline.
	Verifying,
	/// Workers submit result shares until the deadline.
	Computing,
	/// The result is known; late valid result shares are still paid until the deadline, when
	/// the job settles.
	Completed,
	/// The job completed and its escrow was settled: what was not paid returned to the owner.
	Settled,
	/// The job failed; escrow and deposits were returned.
	Failed(FailureReason),
	/// The owner cancelled the job before any input arrived.
	Cancelled,
}

impl JobPhase {
	/// Whether the job has ended (settled, failed or cancelled): nothing more is paid, the
	/// committee is free, and the record may be removed once its inputs are cleaned up.
	pub fn has_ended(self) -> bool {
		matches!(self, Self::Settled | Self::Failed(_) | Self::Cancelled)
	}

	/// Whether committee workers may complain about inputs.
	pub fn complaints_open(self) -> bool {
		matches!(self, Self::Collecting | Self::Verifying)
	}

	/// Whether result shares are taken (and, once the job completes, paid).
	pub fn result_shares_open(self) -> bool {
		matches!(self, Self::Computing | Self::Completed)
	}

	/// Whether the result is on chain.
	pub fn has_result(self) -> bool {
		matches!(self, Self::Completed | Self::Settled)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::{vec, vec::Vec};

	const ALL: [JobPhase; 8] = [
		JobPhase::Collecting,
		JobPhase::Verifying,
		JobPhase::Computing,
		JobPhase::Completed,
		JobPhase::Settled,
		JobPhase::Failed(FailureReason::TooFewInputs),
		JobPhase::Failed(FailureReason::NotEnoughResultShares),
		JobPhase::Cancelled,
	];

	#[test]
	fn every_phase_is_in_exactly_one_stage() {
		for phase in ALL {
			let stages = [phase.complaints_open(), phase.result_shares_open(), phase.has_ended()];
			assert_eq!(stages.iter().filter(|s| **s).count(), 1, "{phase:?}");
		}
		let with_result: Vec<_> = ALL.into_iter().filter(|p| p.has_result()).collect();
		assert_eq!(with_result, [JobPhase::Completed, JobPhase::Settled]);
	}

	#[test]
	fn the_encoding_is_the_declared_order() {
		// Clients decode the phase by its index (PROTOCOL.md section 10's record).
		let encoded: Vec<Vec<u8>> = ALL.iter().map(|p| p.encode()).collect();
		assert_eq!(
			encoded,
			[vec![0], vec![1], vec![2], vec![3], vec![4], vec![5, 0], vec![5, 1], vec![6]]
		);
	}
}
