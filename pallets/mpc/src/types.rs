//! The pallet's stored and passed types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use mpc_primitives::{
	Commitment, EncryptionKey, EphemeralKey, InputRule, JobPhase, JobShape, ParticipantIndex,
	Scalar, Submission, SubmissionParts,
};
use scale_info::TypeInfo;

use crate::{AccountIdOf, BalanceOf, BlockNumberOf, Config, Error, WorkerPool};

/// A job's identifier: assigned in creation order, starting at 0.
pub type JobId = u64;
/// An input's position within its job: assigned in arrival order, starting at 0.
pub type InputIndex = u32;

/// The length of a share ciphertext for the largest dimension: `32 (MaxDimension + 1) + 16`.
pub struct MaxCiphertextLen<T>(PhantomData<T>);

impl<T: Config> Get<u32> for MaxCiphertextLen<T> {
	fn get() -> u32 {
		T::MaxDimension::get().saturating_add(1).saturating_mul(32).saturating_add(16)
	}
}

/// The longest validity proof of an input (PROTOCOL.md section 12) for the largest dimension:
/// `mpc_primitives::validity::max_proof_len(MaxDimension)`.
pub struct MaxValidityProofLen<T>(PhantomData<T>);

impl<T: Config> Get<u32> for MaxValidityProofLen<T> {
	fn get() -> u32 {
		let len = mpc_primitives::validity::max_proof_len(T::MaxDimension::get());
		u32::try_from(len).unwrap_or(u32::MAX)
	}
}

/// An input's validity proof as `submit_input` takes it: empty for a job without a rule.
pub type ValidityProof<T> = BoundedVec<u8, MaxValidityProofLen<T>>;

/// A job's input rule (PROTOCOL.md section 12.1), its range bounds bounded by `MaxDimension`;
/// encodes as `mpc_primitives::InputRule`.
pub type InputRuleOf<T> = InputRule<BoundedVec<(i128, i128), <T as Config>::MaxDimension>>;

/// One share ciphertext, as submitted and stored.
pub type Ciphertext<T> = BoundedVec<u8, MaxCiphertextLen<T>>;
/// A submission's commitments `C_0..C_t` in wire form (`t + 1 <= n <= MaxCommittee`).
pub type RawCommitments<T> = BoundedVec<[u8; 32], <T as Config>::MaxCommittee>;
/// A submission's ciphertexts `ct_1..ct_n` in committee order.
pub type CiphertextList<T> = BoundedVec<Ciphertext<T>, <T as Config>::MaxCommittee>;
/// Decoded commitments of one input, or the aggregate `Ĉ_0..Ĉ_t` of a job.
pub type Commitments<T> = BoundedVec<Commitment, <T as Config>::MaxCommittee>;
/// A result share's values `S_{i,0..d-1}` in wire form.
pub type RawResultValues<T> = BoundedVec<[u8; 32], <T as Config>::MaxDimension>;

/// A dealt input as `submit_input` takes it (PROTOCOL.md section 5): what
/// `mpc_primitives::deal` returns, in bounded vectors. SCALE-encodes as its four fields in
/// order.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct BoundedSubmission<T: Config> {
	/// `R`, the ephemeral public key.
	pub ephemeral_key: [u8; 32],
	/// The proof of knowledge of `r`.
	pub proof: [u8; 64],
	/// `C_0..C_t`.
	pub commitments: RawCommitments<T>,
	/// `ct_1..ct_n`, in committee order.
	pub ciphertexts: CiphertextList<T>,
}

impl<T: Config> BoundedSubmission<T> {
	/// The parts, as the acceptance check takes them.
	pub fn as_parts(&self) -> SubmissionParts<'_, Ciphertext<T>> {
		SubmissionParts {
			ephemeral_key: &self.ephemeral_key,
			proof: &self.proof,
			commitments: &self.commitments,
			ciphertexts: &self.ciphertexts,
		}
	}
}

impl<T: Config> TryFrom<Submission> for BoundedSubmission<T> {
	type Error = Error<T>;

	/// Fails with the error the chain would give a submission that does not fit its bounds.
	fn try_from(s: Submission) -> Result<Self, Error<T>> {
		let ciphertexts = s
			.ciphertexts
			.into_iter()
			.map(|c| Ciphertext::<T>::try_from(c).map_err(|_| Error::<T>::BadCiphertextLength))
			.collect::<Result<alloc::vec::Vec<_>, _>>()?;
		Ok(Self {
			ephemeral_key: s.ephemeral_key,
			proof: s.proof,
			commitments: RawCommitments::<T>::try_from(s.commitments)
				.map_err(|_| Error::<T>::WrongCommitmentCount)?,
			ciphertexts: CiphertextList::<T>::try_from(ciphertexts)
				.map_err(|_| Error::<T>::WrongCiphertextCount)?,
		})
	}
}

/// How a complaint names the input and the ciphertext it judged (PROTOCOL.md section 10).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InputNaming {
	/// The input's `R`.
	pub ephemeral_key: [u8; 32],
	/// `SHA512(ct_i)[0..32]` of the complaining worker's ciphertext.
	pub ciphertext_hash: [u8; 32],
}

/// A registered worker.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct WorkerInfo<T: Config> {
	/// The worker's encryption key `E` (PROTOCOL.md section 3).
	pub key: EncryptionKey,
	/// The bond held from the worker's account.
	pub bond: BalanceOf<T>,
	/// Faults recorded against the worker: false complaints and invalid result shares.
	pub faults: u32,
	/// When the worker registered or last rotated its key.
	pub since: BlockNumberOf<T>,
	/// The running jobs whose committee it sits in (at most [`Config::MaxJobsPerWorker`]).
	pub jobs: u32,
	/// Whether it takes new jobs ([`crate::Pallet::set_accepting`]).
	pub accepting: bool,
}

/// A member of a job's committee, with the key snapshotted when the job was created.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct CommitteeMember<T: Config> {
	/// The worker's account.
	pub account: AccountIdOf<T>,
	/// Its encryption key `E_i`; worker number `i` is its 1-based position.
	pub key: EncryptionKey,
}

/// A job waiting in `Drawing` for its draw round (PROTOCOL.md section 11.7).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Drawing<T: Config> {
	/// The beacon round whose output draws the committee.
	pub round: u64,
	/// The pool when the job was created, in pool order: the committee is drawn from these.
	pub candidates: WorkerPool<T>,
	/// The job's input window, which starts when the committee is drawn.
	pub input_window: BlockNumberOf<T>,
}

/// What a job owner asks for (the argument of `create_job`).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct JobSpec<T: Config> {
	/// Committee size `n`.
	pub committee_size: u32,
	/// Threshold `t`: any `t + 1` workers reconstruct, any `t` learn nothing. `1 <= t < n`.
	pub threshold: u32,
	/// Dimension `d` of every input and of the output.
	pub dimension: u32,
	/// Fixed-point decimals of the values (informational; at most 38).
	pub decimals: u8,
	/// How many blocks the job collects inputs for.
	pub input_window: BlockNumberOf<T>,
	/// The most inputs the job takes; when reached, collecting ends at once.
	pub max_inputs: u32,
	/// The fewest qualified inputs for a result; fewer fails the job. At least 1.
	pub min_inputs: u32,
	/// If set, only these accounts may submit inputs.
	pub allowed_providers: Option<BoundedVec<AccountIdOf<T>, T::MaxAllowedProviders>>,
	/// What is being computed, for people and tools.
	pub metadata: BoundedVec<u8, T::MaxMetadataLen>,
	/// What each committee worker that delivers a valid result share is paid.
	pub reward_per_worker: BalanceOf<T>,
	/// What a valid input is (PROTOCOL.md section 12.1); every input to the job carries a
	/// proof that it obeys this rule. `InputRule::None` for any value.
	pub input_rule: InputRuleOf<T>,
}

/// The block at which each phase ended: part of the proof-of-MPC record.
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
	Default,
)]
pub struct Timeline<BlockNumber> {
	/// When the job was created.
	pub created: BlockNumber,
	/// When its committee was drawn and collecting began (the creation block when no draw
	/// was needed).
	pub drawn: Option<BlockNumber>,
	/// When collecting ended.
	pub inputs_closed: Option<BlockNumber>,
	/// When the complaint window ended and computing began.
	pub computing_started: Option<BlockNumber>,
	/// When the result was reconstructed.
	pub completed: Option<BlockNumber>,
	/// When the job settled, failed or was cancelled.
	pub ended: Option<BlockNumber>,
}

/// A job.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Job<T: Config> {
	/// Who created (and pays for) the job.
	pub owner: AccountIdOf<T>,
	/// `n`, `t` and `d`.
	pub shape: JobShape,
	/// Fixed-point decimals of the values.
	pub decimals: u8,
	/// The most inputs the job takes.
	pub max_inputs: u32,
	/// The fewest qualified inputs for a result.
	pub min_inputs: u32,
	/// If set, only these accounts may submit inputs.
	pub allowed_providers: Option<BoundedVec<AccountIdOf<T>, T::MaxAllowedProviders>>,
	/// What is being computed.
	pub metadata: BoundedVec<u8, T::MaxMetadataLen>,
	/// Paid to each worker that delivers a valid result share.
	pub reward_per_worker: BalanceOf<T>,
	/// What a valid input is; every accepted input proved it obeys it.
	pub input_rule: InputRuleOf<T>,
	/// What is still held in escrow from the owner for rewards.
	pub escrow: BalanceOf<T>,
	/// The storage deposit held from the owner until the job is removed.
	pub deposit: BalanceOf<T>,
	/// The current phase.
	pub phase: JobPhase,
	/// When the current phase ends (for `Completed`: when the job settles).
	pub deadline: BlockNumberOf<T>,
	/// When each phase ended.
	pub timeline: Timeline<BlockNumberOf<T>>,
	/// Inputs accepted so far.
	pub input_count: u32,
	/// Inputs accepted and not disqualified.
	pub qualified_count: u32,
	/// Running digest of every accepted input (PROTOCOL.md section 10):
	/// `blake2_256(previous || u32le(index) || provider || C_0 || ... || C_t)`, from 32 zero bytes.
	pub inputs_digest: [u8; 32],
	/// Digest of the committee an input must name (PROTOCOL.md section 10):
	/// `blake2_256(A_1 || E_1 || ... || A_n || E_n)`; 32 zero bytes while `Drawing`.
	pub committee_digest: [u8; 32],
	/// Valid result shares so far.
	pub valid_shares: u32,
}

/// An accepted input.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct InputRecord<T: Config> {
	/// The provider `P`.
	pub provider: AccountIdOf<T>,
	/// `R`.
	pub ephemeral_key: EphemeralKey,
	/// `C_0..C_t`.
	pub commitments: Commitments<T>,
	/// `ct_1..ct_n`, the share ciphertexts in committee order: in the record, so that an
	/// input is one storage entry, written once (a worker reads the others' too; they are
	/// encrypted to them).
	pub ciphertexts: CiphertextList<T>,
	/// The deposit held from the provider.
	pub deposit: BalanceOf<T>,
	/// False once a complaint proved a share bad.
	pub qualified: bool,
	/// Bit `i - 1` is set once committee member `i` complained about this input after it
	/// was disqualified, or made the complaint that disqualified it. A member's first
	/// complaint about a disqualified input is free (it raced the one that came first); a
	/// later one is refused (`MaxCommittee` is at most 64).
	pub complainants: u64,
	/// The job's running inputs digest after this input (PROTOCOL.md section 10): lets a
	/// worker tell in one read whether the inputs it checked are still the chain's.
	pub digest: [u8; 32],
}

/// An accepted result share.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct StoredResultShare<T: Config> {
	/// `S_{i,0..d-1}`: the worker's shares of the `d` sums.
	pub sum_shares: BoundedVec<Scalar, T::MaxDimension>,
	/// `U_i`.
	pub blinding: Scalar,
	/// Whether the worker's reward has been paid.
	pub paid: bool,
}

/// A verified result.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct JobResult<T: Config> {
	/// The decoded output `y_0..y_{d-1}`, the sums of the qualified inputs (PROTOCOL.md
	/// section 4); `None` where the exact value lies outside the i128 range (never wrapped).
	pub sums: BoundedVec<Option<i128>, T::MaxDimension>,
	/// The means `floor(y_l / qualified_inputs)`, with `None` on overflow.
	pub means: BoundedVec<Option<i128>, T::MaxDimension>,
	/// How many inputs the output sums.
	pub qualified_inputs: u32,
	/// Fixed-point decimals of the values.
	pub decimals: u8,
	/// The raw output scalars `y_l`.
	pub output: BoundedVec<Scalar, T::MaxDimension>,
	/// `sum λ_i U_i`: with `output` it opens `Ĉ_0`.
	pub output_blinding: Scalar,
	/// The `t + 1` committee members whose result shares were combined.
	pub reconstructed_from: BoundedVec<ParticipantIndex, T::MaxCommittee>,
}

/// Everything needed to re-verify a result, gathered by the runtime API.
#[derive(Encode, Decode, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[scale_info(skip_type_params(T))]
pub struct ProofOfMpc<T: Config> {
	/// The job's identifier.
	pub job_id: JobId,
	/// `n`, `t` and `d`.
	pub shape: JobShape,
	/// The rule every input proved it obeys (PROTOCOL.md section 12.1).
	pub input_rule: InputRuleOf<T>,
	/// The committee in order (accounts and keys).
	pub committee: BoundedVec<CommitteeMember<T>, T::MaxCommittee>,
	/// Inputs accepted, and the running digest of them.
	pub input_count: u32,
	/// See [`Job::inputs_digest`].
	pub inputs_digest: [u8; 32],
	/// Inputs disqualified by complaints.
	pub disqualified: BoundedVec<InputIndex, T::MaxInputsPerJob>,
	/// The aggregate commitments `Ĉ_0..Ĉ_t` of the qualified inputs.
	pub aggregate: Commitments<T>,
	/// Every accepted result share, by committee member.
	pub result_shares: alloc::vec::Vec<(ParticipantIndex, StoredResultShare<T>)>,
	/// The result.
	pub result: JobResult<T>,
	/// When each phase ended. The inputs are in the blocks from `created` to
	/// `inputs_closed`, the disqualifying complaints in those up to `computing_started`
	/// (PROTOCOL.md section 10).
	pub timeline: Timeline<BlockNumberOf<T>>,
}
