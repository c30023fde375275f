//! # mpc-primitives
//!
//! The protocol crypto of substrate-mpc v1: verifiable secret-shared aggregation on
//! ristretto255, exactly as specified in the project's `PROTOCOL.md`. One implementation,
//! shared by the on-chain pallet, the off-chain worker and every client.
//!
//! ## What each party does with it
//! - **Data provider** (a client): [`deal`] splits a value vector into Shamir shares for the
//!   job's committee, commits to it with Pedersen vector commitments, encrypts each share to
//!   its worker and proves knowledge of the ephemeral secret `r` (section 5). The result is a
//!   [`Submission`] ready to send.
//! - **Chain**: [`verify_submission`] is the acceptance check of section 5;
//!   [`PossessionProof::verify`] checks a worker key (section 3); [`judge_complaint`] verifies
//!   a complaint and decides it (section 7); [`ResultShare::verify`], [`reconstruct`] and
//!   [`Output::verify`] check result shares and the output (section 8).
//! - **Worker**: [`WorkerSecret`] holds `e_i`; it opens and checks its shares (section 6,
//!   singly or with [`batch_verify_shares`]), complains ([`WorkerSecret::complain`]) and sums
//!   its shares into a [`ResultShare`].
//! - **Anyone**: [`verify_output`] re-verifies a stored result.
//! - **Input rules** (section 12): [`deal_with_rule`] deals an input with the proof that it
//!   obeys the job's [`InputRule`] (a one-hot ballot, or a range per component with
//!   Bulletproofs, [`range`]), and [`verify_validity`] checks it.
//! - **Beacon committee** (section 11): [`deal_key`] and [`verify_key_dealing`] for the DKG,
//!   [`WorkerSecret::open_key_share`], [`WorkerSecret::complain_key_dealing`] and
//!   [`judge_key_complaint`] for its checks, [`GroupKey`] and [`KeyShare`] for its result;
//!   [`KeyShare::round_share`], [`verify_round_share`], [`combine_round`] and
//!   [`verify_round`] for the rounds of the randomness beacon.
//! - **Threshold keys** (section 14): the [`frost`] module, FROST Ed25519 keys made through the
//!   chain and signing with every share checked, on ZF's `frost-ed25519`; refreshed without
//!   departed members by [`frost::refresh`] (section 14.9).
//!
//! ## Promises
//! - `#![no_std]` (with `alloc`), builds for `wasm32v1-none`; no `unsafe`.
//! - Values that cross a trust boundary are decoded into types whose constructors enforce
//!   canonical encodings and non-identity where the protocol requires it; nothing panics on
//!   untrusted bytes; errors are typed ([`Error`], [`SubmissionError`], [`ShareError`], [`ComplaintError`]).
//! - Secrets ([`WorkerSecret`], [`Share`], polynomials, dealing randomness, derived keys) are
//!   zeroized on drop and never printed; operations on them are constant time.
//! - Every hash has its own versioned domain tag ([`domain`]) and binds its whole context:
//!   chain, job, provider, worker index.

#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs, rustdoc::broken_intra_doc_links)]
#![cfg_attr(
	not(test),
	deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)
)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod beacon;
mod context;
pub mod dealer;
pub mod dkg;
pub mod domain;
mod encryption;
mod error;
pub mod frost;
pub mod generators;
mod group;
pub mod hash;
mod job;
pub mod pedersen;
pub mod proof;
pub mod range;
pub mod result;
pub mod shamir;
mod share;
#[cfg(feature = "test-utils")]
pub mod testing;
pub mod validity;
pub mod value;
pub mod worker;

#[cfg(test)]
mod beacon_vectors;
#[cfg(test)]
mod range_vectors;
#[cfg(test)]
mod validity_vectors;
#[cfg(test)]
mod vectors;

pub use beacon::{
	combine_round, committee_seed, draw_committee, round_output, round_point, subject_value,
	verify_round, verify_round_share, RoundContext, RoundOutput, RoundShare,
};
pub use context::{AccountBytes, EpochContext, InputContext, JobContext};
pub use dealer::{
	deal, verify_submission, AcceptedSubmission, JobShape, Submission, SubmissionParts,
};
pub use dkg::{
	deal_key, dealing_digest, judge_key_complaint, verify_key_dealing, AcceptedKeyDealing,
	CommitteeShape, DealerContext, GroupKey, KeyComplaintSubject, KeyDealing, KeyDealingParts,
	KeyShare, KEY_DEALING_PROOF_LEN, KEY_SHARE_CIPHERTEXT_LEN,
};
pub use encryption::{ciphertext_len, TAG_LEN};
pub use error::{ComplaintError, Error, ShareError, SubmissionError};
pub use group::{Commitment, EncryptionKey, EphemeralKey, Point, Scalar, SharedKey, SharedSecret};
pub use job::{FailureReason, JobPhase};
pub use pedersen::{batch_verify_shares, verify_share};
pub use proof::{DealingProof, DleqProof, PossessionProof};
pub use result::{reconstruct, verify_output, Output, ResultShare};
pub use shamir::ParticipantIndex;
pub use share::Share;
pub use validity::{deal_with_rule, verify_validity, InputRule, OneHotProof};
pub use value::{encode_value, DecodedValue};
pub use worker::{judge_complaint, Complaint, ComplaintSubject, ComplaintVerdict, WorkerSecret};

/// Checks a proof of possession given as raw bytes, as the chain receives it (PROTOCOL.md
/// section 3): `E` must decode and not be the identity, the proof must be canonical and
/// verify for `account` on the chain `genesis`. Returns the decoded key.
pub fn verify_possession(
	genesis: &[u8; 32],
	account: &AccountBytes,
	key: &[u8; 32],
	proof: &[u8; 64],
) -> Result<EncryptionKey, Error> {
	let key = EncryptionKey::from_bytes(key)?;
	let proof = PossessionProof::from_bytes(proof)?;
	if proof.verify(genesis, account, &key) {
		Ok(key)
	} else {
		Err(Error::InvalidProof)
	}
}
