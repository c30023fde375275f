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
	/// No committee was drawn: the draw round did not complete before the draw deadline, or
	/// fewer than `n` of the job's candidates were still eligible when it did.
	NoCommittee,
}

/// Where a job is in its life.
///
/// ```text
///  create ──> Drawing ──(draw round completes)──┐   (pool of exactly n: no draw)
///    │            └─ cancel | no committee ──> Cancelled | Failed
///    └─────────────────────────────────────────┤
///                                              v
///               Collecting ──(window end | max inputs | owner closes)──> Verifying
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
	/// Created; waiting for its draw round to complete so its committee can be drawn
	/// (PROTOCOL.md section 11.7). Encoded last: the phases before it kept their indices.
	#[codec(index = 7)]
	Drawing,
	/// Accepting inputs until the deadline; committee workers may complain.
	#[codec(index = 0)]
	Collecting,
	/// Inputs closed; committee workers may still complain until the deadline.
	#[codec(index = 1)]
	Verifying,
	/// Workers submit result shares until the deadline.
	#[codec(index = 2)]
	Computing,
	/// The result is known; late valid result shares are still paid until the deadline, when
	/// the job settles.
	#[codec(index = 3)]
	Completed,
	/// The job completed and its escrow was settled: what was not paid returned to the owner.
	#[codec(index = 4)]
	Settled,
	/// The job failed; escrow and deposits were returned.
	#[codec(index = 5)]
	Failed(FailureReason),
	/// The owner cancelled the job before any input arrived.
	#[codec(index = 6)]
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

	const ALL: [JobPhase; 10] = [
		JobPhase::Drawing,
		JobPhase::Collecting,
		JobPhase::Verifying,
		JobPhase::Computing,
		JobPhase::Completed,
		JobPhase::Settled,
		JobPhase::Failed(FailureReason::TooFewInputs),
		JobPhase::Failed(FailureReason::NotEnoughResultShares),
		JobPhase::Failed(FailureReason::NoCommittee),
		JobPhase::Cancelled,
	];

	#[test]
	fn every_phase_is_in_exactly_one_stage() {
		// Drawing is in none: no committee yet, nothing to complain about or compute.
		assert!(!JobPhase::Drawing.has_ended() && !JobPhase::Drawing.complaints_open());
		assert!(!JobPhase::Drawing.result_shares_open());
		for phase in ALL.into_iter().skip(1) {
			let stages = [phase.complaints_open(), phase.result_shares_open(), phase.has_ended()];
			assert_eq!(stages.iter().filter(|s| **s).count(), 1, "{phase:?}");
		}
		let with_result: Vec<_> = ALL.into_iter().filter(|p| p.has_result()).collect();
		assert_eq!(with_result, [JobPhase::Completed, JobPhase::Settled]);
	}

	#[test]
	fn the_encoding_is_the_declared_order() {
		// Clients decode the phase by its index (PROTOCOL.md section 10's record); Drawing came
		// later and took the next free index.
		let encoded: Vec<Vec<u8>> = ALL.iter().map(|p| p.encode()).collect();
		assert_eq!(
			encoded,
			[
				vec![7],
				vec![0],
				vec![1],
				vec![2],
				vec![3],
				vec![4],
				vec![5, 0],
				vec![5, 1],
				vec![5, 2],
				vec![6]
			]
		);
		for (phase, bytes) in ALL.iter().zip(&encoded) {
			assert_eq!(JobPhase::decode(&mut &bytes[..]).as_ref(), Ok(phase));
		}
	}
}
