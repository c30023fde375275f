//! What every proof, key and ciphertext is bound to: the chain, the job and the provider.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use crate::hash::Transcript;

/// A 32-byte `AccountId32` in its raw (SCALE) form.
pub type AccountBytes = [u8; 32];

/// A job on a chain: `genesis || u64le(job_id)` in every transcript.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct JobContext {
	/// The chain's genesis block hash.
	pub genesis: [u8; 32],
	/// The job's on-chain identifier.
	pub job_id: u64,
}

/// One provider's input to a job: `genesis || u64le(job_id) || P` in every transcript.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct InputContext {
	/// The job.
	pub job: JobContext,
	/// The provider's account `P`.
	pub provider: AccountBytes,
}

impl InputContext {
	/// The input of `provider` to job `job_id` on the chain with `genesis`.
	pub fn new(genesis: [u8; 32], job_id: u64, provider: AccountBytes) -> Self {
		Self { job: JobContext { genesis, job_id }, provider }
	}

	/// `genesis || u64le(job_id) || P`, the 72 bytes every proof about the input hashes.
	pub fn to_bytes(&self) -> [u8; 72] {
		let mut out = [0u8; 72];
		out[..32].copy_from_slice(&self.job.genesis);
		out[32..40].copy_from_slice(&self.job.job_id.to_le_bytes());
		out[40..].copy_from_slice(&self.provider);
		out
	}

	/// Appends `genesis || u64le(job_id) || P`.
	pub(crate) fn append_to(&self, t: &mut Transcript) {
		t.append(&self.to_bytes());
	}
}

/// An epoch of the beacon committee on a chain: `genesis || u64le(epoch)` in every transcript
/// of PROTOCOL.md section 11.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct EpochContext {
	/// The chain's genesis block hash.
	pub genesis: [u8; 32],
	/// The epoch number.
	pub epoch: u64,
}

impl EpochContext {
	/// Appends `genesis || u64le(epoch)`.
	pub(crate) fn append_to(&self, t: &mut Transcript) {
		t.append(&self.genesis).append_u64(self.epoch);
	}
}
