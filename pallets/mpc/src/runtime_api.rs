//! `MpcApi`: what clients need from the chain, as a runtime API.
//!
//! The type parameters are the pallet's types as the runtime instantiates them, so the API's
//! types appear in the metadata: `Job<Runtime>`, `CommitteeMember<Runtime>`,
//! `JobResult<Runtime>`, `ProofOfMpc<Runtime>` and `WorkerInfo<Runtime>`.

use alloc::vec::Vec;
use codec::Codec;

use crate::{JobId, ParticipantIndex};

sp_api::decl_runtime_apis! {
	/// Jobs, committees, results, records and workers of `pallet-mpc`.
	pub trait MpcApi<AccountId, Job, Member, JobResult, Record, Worker>
	where
		AccountId: Codec,
		Job: Codec,
		Member: Codec,
		JobResult: Codec,
		Record: Codec,
		Worker: Codec,
	{
		/// A job: its parameters, phase, current deadline and counts.
		fn job(job_id: JobId) -> Option<Job>;
		/// A job's committee in order: accounts and encryption keys, to deal inputs to.
		fn committee(job_id: JobId) -> Vec<Member>;
		/// A job's verified result.
		fn result(job_id: JobId) -> Option<JobResult>;
		/// A completed job's proof-of-MPC record, to re-verify with
		/// `mpc_primitives::verify_output`.
		fn proof_of_mpc(job_id: JobId) -> Option<Record>;
		/// A worker's registration.
		fn worker(account: AccountId) -> Option<Worker>;
		/// The jobs a worker sits in that have not ended, with its index in each committee.
		fn worker_jobs(account: AccountId) -> Vec<(JobId, ParticipantIndex)>;
		/// The protocol's `genesis` value: the chain's genesis block hash. Ask at block 1 or
		/// later: in the state of block 0 itself the runtime does not know it yet.
		fn genesis() -> [u8; 32];
	}
}

sp_api::decl_runtime_apis! {
	/// The randomness beacon of `pallet-mpc` (PROTOCOL.md section 11).
	pub trait MpcBeaconApi<Round, Key>
	where
		Round: Codec,
		Key: Codec,
	{
		/// The latest completed round's number, if any.
		fn latest_round() -> Option<u64>;
		/// A stored round: its epoch, the block it opened in, its shares and, once complete,
		/// its output with the block it was published in.
		fn round(round: u64) -> Option<Round>;
		/// An epoch's group key: committee, qualified dealers, `Â_0..Â_t`, public shares.
		fn key(epoch: u64) -> Option<Key>;
	}
}
