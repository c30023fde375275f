//! Threshold Ed25519 keys (PROTOCOL.md section 14): FROST's DKG run through the chain, with
//! v1's share encryption for its private packages, and FROST signing with every signature
//! share checked by the chain.
//!
//! The FROST parts are ZF's `frost-ed25519` (RFC 9591): [`round1`] wraps its DKG `part1`,
//! [`seal_envelope`] its `part2`, [`finish_dkg`] its `part3`; signing is its `round1::commit`,
//! `round2::sign`, `verify_signature_share` and `aggregate`. What is ours is the wire form of
//! each message, the envelope that carries a member's round-2 packages on chain (section 14.4)
//! and the complaint against it (section 14.5), which reuse section 11's construction with
//! their own tags.
//!
//! Who uses what:
//! - **Chain**: [`verify_round1`], [`verify_envelope`], [`envelope_digest`],
//!   [`judge_frost_complaint`], [`FrostGroup::from_round1`] for the key;
//!   [`verify_signing_commitment`], [`signing_package`], [`FrostGroup::verify_share`] and
//!   [`FrostGroup::aggregate`] for signatures.
//! - **Member** (a worker): [`round1`], [`seal_envelope`], [`finish_dkg`] (which also says
//!   whom to complain about), [`commit`] and [`sign`].

use alloc::{collections::BTreeMap, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use curve25519_dalek::{ristretto::RistrettoPoint, scalar::Scalar as DalekScalar};
use frost_ed25519 as frost;
use frost_ed25519::{Ed25519Group, Ed25519ScalarField, Field, Group, GroupError};
use rand_chacha::ChaCha20Rng;
use rand_core::{CryptoRngCore, SeedableRng};
use scale_info::TypeInfo;
use zeroize::Zeroizing;

use crate::{
	domain::{
		DST_FROST_ATTEMPT, DST_FROST_COMMITTEE, DST_FROST_CONFIRM, DST_FROST_DIGEST,
		DST_FROST_DKG_RNG, DST_FROST_DLEQ, DST_FROST_ENVELOPE, DST_FROST_KDF, DST_FROST_KEY,
		DST_FROST_PACKAGE, DST_FROST_REFRESH, DST_FROST_REFRESH_RNG, DST_FROST_SHARE,
	},
	encryption::{derive_key, open, seal, share_aad, Channel},
	generators::basepoint_table,
	hash::Transcript,
	proof::{hedged_nonce, Proof},
	worker::judge_revealed_share,
	AccountBytes, Complaint, ComplaintError, ComplaintVerdict, EncryptionKey, EphemeralKey, Error,
	ParticipantIndex, Point, ShareError, SharedKey, SubmissionError, WorkerSecret, TAG_LEN,
};

pub use frost_ed25519::keys::KeyPackage;
pub use frost_ed25519::round1::SigningNonces;
pub use frost_ed25519::SigningPackage;

/// Length of a round-1 proof of knowledge `R_i || μ_i` and of an envelope's proof `c || z`.
pub const FROST_PROOF_LEN: usize = 64;
/// Length of one round-2 share ciphertext: a 32-byte scalar and the tag.
pub const FROST_SHARE_CIPHERTEXT_LEN: usize = 32 + TAG_LEN;
/// Length of an Ed25519 signature `R || z`.
pub const SIGNATURE_LEN: usize = 64;
/// The FROST ciphersuite's context string (RFC 9591 section 6.1).
const FROST_CONTEXT: &[u8] = b"FROST-ED25519-SHA512-v1";

/// One round-2 share ciphertext.
pub type FrostShareCiphertext = [u8; FROST_SHARE_CIPHERTEXT_LEN];

/// Attempt `a` of key `k` on the chain `genesis`: `genesis || u64le(k) || u32le(a)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttemptContext {
	/// Genesis hash of the chain.
	pub genesis: [u8; 32],
	/// The key's number.
	pub key: u64,
	/// The attempt's number.
	pub attempt: u32,
}

impl AttemptContext {
	fn append_to(&self, t: &mut Transcript) {
		t.append(&self.genesis).append_u64(self.key).append_u32(self.attempt);
	}
}

/// Member `sender` of an attempt, as the sender of an envelope: the context of its proof,
/// key derivation and associated data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SenderContext {
	/// The attempt.
	pub attempt: AttemptContext,
	/// The sender's member index `j`.
	pub sender: ParticipantIndex,
}

impl SenderContext {
	fn append_to(&self, t: &mut Transcript) {
		self.attempt.append_to(t);
		t.append_u32(self.sender.get());
	}
}

impl Channel for SenderContext {
	const KDF_TAG: &'static [u8] = DST_FROST_KDF;
	const AAD_TAG: &'static [u8] = DST_FROST_SHARE;
	fn write_context(&self, sink: &mut dyn FnMut(&[u8])) {
		sink(&self.attempt.genesis);
		sink(&self.attempt.key.to_le_bytes());
		sink(&self.attempt.attempt.to_le_bytes());
		sink(&self.sender.get().to_le_bytes());
	}
}

/// Member `i`'s FROST identifier `id(i)`. Committees are far below `u16::MAX`.
pub fn identifier(index: ParticipantIndex) -> Result<frost::Identifier, Error> {
	let i = u16::try_from(index.get()).map_err(|_| Error::InvalidIndex)?;
	frost::Identifier::try_from(i).map_err(|_| Error::InvalidIndex)
}

fn group_error(e: GroupError) -> Error {
	match e {
		GroupError::InvalidIdentityElement => Error::IdentityPoint,
		_ => Error::InvalidPoint,
	}
}

/// Decodes a valid Ed25519 point (section 14.1): it decodes, is not the identity and has prime
/// order.
fn decode_point(bytes: &[u8; 32]) -> Result<curve25519_dalek::EdwardsPoint, Error> {
	Ed25519Group::deserialize(bytes).map_err(group_error)
}

fn decode_scalar(bytes: &[u8; 32]) -> Result<DalekScalar, Error> {
	Ed25519ScalarField::deserialize(bytes).map_err(|_| Error::NonCanonicalScalar)
}

fn split_64(bytes: &[u8; 64]) -> ([u8; 32], [u8; 32]) {
	let mut a = [0u8; 32];
	let mut b = [0u8; 32];
	a.copy_from_slice(bytes.get(..32).unwrap_or(&[0u8; 32]));
	b.copy_from_slice(bytes.get(32..).unwrap_or(&[0u8; 32]));
	(a, b)
}

fn frost_error(_: frost::Error) -> Error {
	Error::InvalidProof
}

/// The seed that draws key `key`'s committee from beacon output `rho` (section 14.8):
/// `SHA512("substrate-mpc/v1/frost/committee" || rho || u64le(k))[0..32]`, for
/// [`crate::draw_committee`]. Never a job's seed ([`crate::committee_seed`]).
pub fn key_committee_seed(rho: &[u8; 32], key: u64) -> [u8; 32] {
	let mut t = Transcript::new(DST_FROST_COMMITTEE);
	t.append(rho).append_u64(key);
	t.finalize_32()
}

/// `A` (section 14.3): names attempt `ctx` with threshold `t` and its members `(W_i, E_i)` in
/// order, in every round-1 package and envelope.
pub fn attempt_digest(
	ctx: &AttemptContext,
	t: u32,
	members: &[(AccountBytes, EncryptionKey)],
) -> [u8; 32] {
	let mut h = Transcript::new(DST_FROST_ATTEMPT);
	ctx.append_to(&mut h);
	h.append_u32(t).append_u32(u32::try_from(members.len()).unwrap_or(u32::MAX));
	for (account, key) in members {
		h.append(account).append(key.as_bytes());
	}
	h.finalize_32()
}

/// `C` (section 14.5): a member's confirmation that its shares of attempt `ctx` all check,
/// naming the envelopes it checked by their digests `h_j` in member order.
pub fn confirm_digest(ctx: &AttemptContext, digests: &[[u8; 32]]) -> [u8; 32] {
	let mut h = Transcript::new(DST_FROST_CONFIRM);
	ctx.append_to(&mut h);
	h.append_u32(u32::try_from(digests.len()).unwrap_or(u32::MAX));
	for d in digests {
		h.append(d);
	}
	h.finalize_32()
}

/// `P` (section 14.6): names the signing package of attempt `attempt` of request `request` of
/// key `key`: the message and the signers' commitments (taken in increasing order of index).
pub fn package_digest(
	genesis: &[u8; 32],
	key: u64,
	request: u64,
	attempt: u32,
	message: &[u8],
	signers: &[(ParticipantIndex, SigningCommitment)],
) -> [u8; 32] {
	let mut sorted: Vec<&(ParticipantIndex, SigningCommitment)> = signers.iter().collect();
	sorted.sort_by_key(|(i, _)| i.get());
	let mut h = Transcript::new(DST_FROST_PACKAGE);
	h.append(genesis).append_u64(key).append_u64(request).append_u32(attempt);
	h.append_u32(u32::try_from(message.len()).unwrap_or(u32::MAX)).append(message);
	for (i, c) in sorted {
		h.append_u32(i.get()).append(&c.hiding).append(&c.binding);
	}
	h.finalize_32()
}

// ---------------------------------------------------------------------------------------------
// Round 1

/// A member's round-1 package as it goes on chain (section 14.3): the commitments
/// `φ_{i,0}..φ_{i,t}` and the proof of knowledge `R_i || μ_i`.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct Round1Package {
	/// `φ_{i,k} = a_{i,k} * B`, `k = 0..t`.
	pub commitments: Vec<[u8; 32]>,
	/// `R_i || μ_i`.
	pub proof: [u8; FROST_PROOF_LEN],
}

/// The commitment points of a frost round-1 package, in wire form (a DKG's `φ_{i,0..t}` or a
/// refresh's `Ψ_{i,1..t}`).
fn commitment_points(package: &frost::keys::dkg::round1::Package) -> Result<Vec<[u8; 32]>, Error> {
	package
		.commitment()
		.serialize()
		.map_err(frost_error)?
		.into_iter()
		.map(|c| <[u8; 32]>::try_from(c.as_slice()).map_err(|_| Error::InvalidPoint))
		.collect()
}

impl Round1Package {
	fn from_frost(package: &frost::keys::dkg::round1::Package) -> Result<Self, Error> {
		let commitments = commitment_points(package)?;
		let r = Ed25519Group::serialize(package.proof_of_knowledge().R()).map_err(group_error)?;
		let mut proof = [0u8; FROST_PROOF_LEN];
		proof[..32].copy_from_slice(&r);
		proof[32..].copy_from_slice(&package.proof_of_knowledge().z().to_bytes());
		Ok(Self { commitments, proof })
	}

	/// The package as `frost-ed25519` takes it (points decoded and checked).
	pub fn to_frost(&self) -> Result<frost::keys::dkg::round1::Package, Error> {
		let commitment =
			frost::keys::VerifiableSecretSharingCommitment::deserialize(self.commitments.iter())
				.map_err(|_| Error::InvalidPoint)?;
		let proof = frost::Signature::deserialize(&self.proof).map_err(|_| Error::InvalidProof)?;
		Ok(frost::keys::dkg::round1::Package::new(commitment, proof))
	}
}

/// `H_DKG(id(i) || φ_{i,0} || R_i)` (section 14.1).
fn dkg_challenge(
	index: ParticipantIndex,
	phi0: &[u8; 32],
	r: &[u8; 32],
) -> Result<DalekScalar, Error> {
	let id = identifier(index)?.serialize();
	let mut t = Transcript::new(FROST_CONTEXT);
	t.append(b"dkg").append(&id).append(phi0).append(r);
	Ok(t.finalize_scalar())
}

/// The chain's check of member `index`'s round-1 package for threshold `t` (section 14.3):
/// `t + 1` valid commitments, a valid `R_i`, a canonical `μ_i`, and
/// `R_i == μ_i B - c_i φ_{i,0}`. (Whether `φ_{i,0}` repeats another member's is the caller's
/// check: it needs the other packages.)
pub fn verify_round1(
	index: ParticipantIndex,
	t: u32,
	package: &Round1Package,
) -> Result<(), Error> {
	if Some(package.commitments.len()) != (t as usize).checked_add(1) {
		return Err(Error::WrongCommitmentCount);
	}
	let mut points = Vec::with_capacity(package.commitments.len());
	for c in &package.commitments {
		points.push(decode_point(c)?);
	}
	let (r_bytes, mu_bytes) = split_64(&package.proof);
	let r = decode_point(&r_bytes)?;
	let mu = decode_scalar(&mu_bytes)?;
	let phi0 = *points.first().ok_or(Error::WrongCommitmentCount)?;
	let phi0_bytes = package.commitments.first().ok_or(Error::WrongCommitmentCount)?;
	let c = dkg_challenge(index, phi0_bytes, &r_bytes)?;
	let expected =
		curve25519_dalek::EdwardsPoint::vartime_double_scalar_mul_basepoint(&-c, &phi0, &mu);
	if expected == r {
		Ok(())
	} else {
		Err(Error::InvalidProof)
	}
}

/// The seed of a member's DKG randomness (section 14.3, the reference worker's choice):
/// `SHA512(local tag || e_i || genesis || u64le(k) || u32le(a) || u32le(t) || u32le(n_a) ||
/// u32le(i) || W_i || E_1 || ... || E_{n_a})[0..32]`.
///
/// Everything the package and the envelope depend on is in it. The same inputs on two
/// branches of a fork give the same bytes (the member keeps no state); any difference (another
/// index, size, threshold or member list, which a fork can bring for the same key and attempt)
/// gives an unrelated polynomial. Were the seed only the attempt's context, one polynomial
/// and one proof nonce would meet two challenges (they hash `id(i)`), and the two public
/// responses would give away `a_{i,0}`.
fn dkg_rng(
	secret: &WorkerSecret,
	ctx: &AttemptContext,
	shape: &MemberShape,
	account: &AccountBytes,
	keys: &[EncryptionKey],
) -> ChaCha20Rng {
	let mut t = Transcript::new(DST_FROST_DKG_RNG);
	t.append(&*secret.to_bytes());
	ctx.append_to(&mut t);
	t.append_u32(shape.t).append_u32(shape.n).append_u32(shape.index.get()).append(account);
	for key in keys {
		t.append(key.as_bytes());
	}
	let seed = Zeroizing::new(t.finalize_32());
	ChaCha20Rng::from_seed(*seed)
}

/// What a member needs to redo its part of the DKG from the chain: its secret, the attempt,
/// its place in it, its account and the members' worker keys `E_1..E_{n_a}` in order.
#[derive(Clone, Copy)]
pub struct Member<'a> {
	/// The member's worker secret `e_i`.
	pub secret: &'a WorkerSecret,
	/// The attempt.
	pub ctx: &'a AttemptContext,
	/// Its index, `n_a` and `t`.
	pub shape: MemberShape,
	/// Its account `W_i`.
	pub account: &'a AccountBytes,
	/// `E_1..E_{n_a}`, as stored for the key.
	pub keys: &'a [EncryptionKey],
}

/// Who a member is in an attempt: its index, the attempt's size `n_a` and the threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemberShape {
	/// The member's index `i` (1-based).
	pub index: ParticipantIndex,
	/// `n_a`.
	pub n: u32,
	/// `t` (`t + 1` sign).
	pub t: u32,
}

impl MemberShape {
	fn max_min(&self) -> Result<(u16, u16), Error> {
		let n = u16::try_from(self.n).map_err(|_| Error::InvalidThreshold)?;
		let min = u16::try_from(self.t.saturating_add(1)).map_err(|_| Error::InvalidThreshold)?;
		if self.t == 0 || min > n || self.index.get() > self.n {
			return Err(Error::InvalidThreshold);
		}
		Ok((n, min))
	}
}

/// `part1` with the member's derived randomness: its secret package and the round-1 package
/// to post (section 14.3).
fn part1(
	m: &Member<'_>,
) -> Result<(frost::keys::dkg::round1::SecretPackage, ChaCha20Rng, Round1Package), Error> {
	let (n, min) = m.shape.max_min()?;
	if m.keys.len() != m.shape.n as usize {
		return Err(Error::InvalidThreshold);
	}
	// The stored key must be this secret's: shares are encrypted to it and complaints proven
	// for it.
	let own = m.keys.get(m.shape.index.get() as usize - 1).ok_or(Error::InvalidIndex)?;
	if own != m.secret.public_key() {
		return Err(Error::InvalidIndex);
	}
	let mut rng = dkg_rng(m.secret, m.ctx, &m.shape, m.account, m.keys);
	let (secret_package, package) =
		frost::keys::dkg::part1(identifier(m.shape.index)?, n, min, &mut rng)
			.map_err(|_| Error::InvalidThreshold)?;
	Ok((secret_package, rng, Round1Package::from_frost(&package)?))
}

/// The member's round-1 package (section 14.3).
pub fn round1(member: &Member<'_>) -> Result<Round1Package, Error> {
	part1(member).map(|(_, _, package)| package)
}

/// The other members' round-1 packages keyed by identifier, as `part2` and `part3` take them.
fn others_round1(
	me: ParticipantIndex,
	packages: &[Round1Package],
) -> Result<BTreeMap<frost::Identifier, frost::keys::dkg::round1::Package>, Error> {
	let n = u32::try_from(packages.len()).map_err(|_| Error::InvalidThreshold)?;
	ParticipantIndex::all(n)
		.zip(packages)
		.filter(|(i, _)| *i != me)
		.map(|(i, p)| Ok((identifier(i)?, p.to_frost()?)))
		.collect()
}

// ---------------------------------------------------------------------------------------------
// Round 2: envelopes

/// A member's round-2 envelope as it goes on chain (section 14.4): `E`, the proof of
/// knowledge of `r`, and one ciphertext for each other member in order.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct Envelope {
	/// `E = r * G` (ristretto255).
	pub ephemeral_key: [u8; 32],
	/// `c || z`.
	pub proof: [u8; FROST_PROOF_LEN],
	/// `ct_{j,i}` for every member `i != j`, in order.
	pub ciphertexts: Vec<FrostShareCiphertext>,
}

fn envelope_challenge(
	ctx: &SenderContext,
	account: &AccountBytes,
	ephemeral_key: &[u8; 32],
	t_point: &RistrettoPoint,
) -> DalekScalar {
	let mut t = Transcript::new(DST_FROST_ENVELOPE);
	ctx.append_to(&mut t);
	t.append(account).append(ephemeral_key).append(t_point.compress().as_bytes());
	t.finalize_scalar()
}

/// The position of member `recipient`'s ciphertext in sender `sender`'s envelope (section
/// 14.4: every member but the sender, in order); `None` for the sender itself.
pub fn envelope_slot(sender: ParticipantIndex, recipient: ParticipantIndex) -> Option<usize> {
	let (j, i) = (sender.get() as usize, recipient.get() as usize);
	match i.cmp(&j) {
		core::cmp::Ordering::Less => Some(i - 1),
		core::cmp::Ordering::Equal => None,
		core::cmp::Ordering::Greater => Some(i - 2),
	}
}

/// Member `shape.index`'s envelope (section 14.4), from account `account`, for the members'
/// worker keys `keys` (`E_1..E_n`, in order) and their round-1 packages `packages` (all `n`,
/// the member's own included, as on chain). The shares come from `part2`; all randomness from
/// the member's derived stream, so the envelope is the same on every branch of a fork.
pub fn seal_envelope(member: &Member<'_>, packages: &[Round1Package]) -> Result<Envelope, Error> {
	seal_envelope_inner(member, packages, None)
}

/// [`seal_envelope`] with a wrong share (the right one plus one) for member `victim`: what a
/// faulty member sends. For tests and benchmarks only.
#[cfg(any(test, feature = "test-utils"))]
pub fn seal_envelope_with_bad_share(
	member: &Member<'_>,
	packages: &[Round1Package],
	victim: ParticipantIndex,
) -> Result<Envelope, Error> {
	seal_envelope_inner(member, packages, Some(victim))
}

fn seal_envelope_inner(
	member: &Member<'_>,
	packages: &[Round1Package],
	bad_for: Option<ParticipantIndex>,
) -> Result<Envelope, Error> {
	let Member { ctx, shape, account, keys, .. } = *member;
	if packages.len() != shape.n as usize {
		return Err(Error::InvalidThreshold);
	}
	let (secret_package, mut rng, own) = part1(member)?;
	// The chain's copy of the member's own package must be the one it makes (section 14.4):
	// otherwise its shares would not match the commitments others check them against.
	if packages.get(shape.index.get() as usize - 1) != Some(&own) {
		return Err(Error::WrongCommitmentCount);
	}
	if bad_for.is_some() {
		// A faulty envelope gets its own `r`: never two plaintexts under one key and nonce.
		let _ = DalekScalar::random(&mut rng);
	}
	let others = others_round1(shape.index, packages)?;
	let (_, shares) =
		frost::keys::dkg::part2(secret_package, &others).map_err(|_| Error::InvalidProof)?;
	let sender = SenderContext { attempt: *ctx, sender: shape.index };
	let mut recipients = Vec::with_capacity(keys.len().saturating_sub(1));
	for (i, key) in ParticipantIndex::all(shape.n).zip(keys) {
		if i == shape.index {
			continue;
		}
		let share = shares.get(&identifier(i)?).ok_or(Error::InvalidIndex)?;
		let mut plaintext = Zeroizing::new(share.signing_share().serialize());
		if bad_for == Some(i) {
			let mut bytes = [0u8; 32];
			bytes.copy_from_slice(plaintext.get(..32).ok_or(Error::NonCanonicalScalar)?);
			let right = decode_scalar(&bytes)?;
			plaintext = Zeroizing::new((right + DalekScalar::ONE).to_bytes().to_vec());
		}
		recipients.push((i, key, plaintext));
	}
	seal_shares(&sender, account, &recipients, &mut rng)
}

/// An envelope from `sender` (account `account`) carrying each recipient's plaintext share,
/// encrypted to its worker key under its identifier (section 14.4, steps 1-4), with `r` and
/// the proof's nonce drawn from `rng`.
fn seal_shares(
	sender: &SenderContext,
	account: &AccountBytes,
	recipients: &[(ParticipantIndex, &EncryptionKey, Zeroizing<Vec<u8>>)],
	rng: &mut ChaCha20Rng,
) -> Result<Envelope, Error> {
	let r = Zeroizing::new(loop {
		let r = DalekScalar::random(rng);
		if r != DalekScalar::ZERO {
			break r;
		}
	});
	let ephemeral = EphemeralKey::new_unchecked(Point::from(basepoint_table() * &*r));
	let ephemeral_bytes = ephemeral.to_bytes();
	let w = hedged_nonce(
		&r,
		|t| {
			sender.append_to(t);
			t.append(account);
		},
		rng,
	);
	let t_point = basepoint_table() * &*w;
	let c = envelope_challenge(sender, account, &ephemeral_bytes, &t_point);
	let proof = Proof::respond(&w, c, &r).to_bytes();

	let mut ciphertexts = Vec::with_capacity(recipients.len());
	for (i, key, plaintext) in recipients {
		let shared = crate::SharedSecret::multiply(key.as_dalek(), &r);
		let k = derive_key(sender, *i, &ephemeral, key, shared.as_bytes());
		let sealed = seal(&k, &share_aad(sender, *i), plaintext);
		ciphertexts.push(
			FrostShareCiphertext::try_from(sealed.as_slice())
				.map_err(|_| Error::DecryptionFailed)?,
		);
	}
	Ok(Envelope { ephemeral_key: ephemeral_bytes, proof, ciphertexts })
}

/// The chain's check of an envelope from member `ctx.sender` (account `account`) in an attempt
/// of `n` members (section 14.4): `n - 1` ciphertexts, `E` decodes and is not the identity,
/// and the proof verifies. Returns `E`. (Whether `E` repeats another envelope's is the
/// caller's check.)
pub fn verify_envelope(
	ctx: &SenderContext,
	account: &AccountBytes,
	n: u32,
	envelope: &Envelope,
) -> Result<EphemeralKey, SubmissionError> {
	if envelope.ciphertexts.len() != (n as usize).saturating_sub(1) {
		return Err(SubmissionError::WrongCiphertextCount);
	}
	let ephemeral = EphemeralKey::from_bytes(&envelope.ephemeral_key).map_err(|e| match e {
		Error::IdentityPoint => SubmissionError::IdentityEphemeralKey,
		_ => SubmissionError::BadEphemeralKeyEncoding,
	})?;
	let proof = Proof::from_bytes(&envelope.proof).map_err(|_| SubmissionError::BadProof)?;
	let t_point = proof.commitment_base(ephemeral.as_dalek());
	if envelope_challenge(ctx, account, &envelope.ephemeral_key, &t_point) == proof.c() {
		Ok(ephemeral)
	} else {
		Err(SubmissionError::BadProof)
	}
}

/// `h_j` (section 14.5): names member `ctx.sender`'s round-1 commitments and envelope in a
/// complaint.
pub fn envelope_digest(
	ctx: &SenderContext,
	commitments: &[[u8; 32]],
	envelope: &Envelope,
) -> [u8; 32] {
	let mut t = Transcript::new(DST_FROST_DIGEST);
	ctx.append_to(&mut t);
	for c in commitments {
		t.append(c);
	}
	t.append(&envelope.ephemeral_key);
	for ct in &envelope.ciphertexts {
		t.append(ct);
	}
	t.finalize_32()
}

/// How a share is checked against its sender's commitments: the DKG's (`φ_{j,0..t}`, section
/// 14.5) or a refresh's (`Ψ_{j,1..t}`, section 14.9).
pub(crate) type ShareCheck = fn(ParticipantIndex, &frost::keys::SigningShare, &[[u8; 32]]) -> bool;

/// `s B == sum_{k=0..t} id(i)^k φ_{j,k}` (FROST's `vss_verify`).
fn dkg_share_matches(
	recipient: ParticipantIndex,
	share: &frost::keys::SigningShare,
	commitments: &[[u8; 32]],
) -> bool {
	let Ok(commitment) =
		frost::keys::VerifiableSecretSharingCommitment::deserialize(commitments.iter())
	else {
		return false;
	};
	let Ok(id) = identifier(recipient) else { return false };
	frost::keys::SecretShare::new(id, *share, commitment).verify().is_ok()
}

/// Decrypts the share for `recipient` in sender `ctx.sender`'s ciphertext with the shared key
/// `K` (secret on the member's side, published in a complaint) and checks it with `check`: a
/// canonical scalar that matches the sender's commitments.
#[allow(clippy::too_many_arguments)]
pub(crate) fn open_envelope_share(
	ctx: &SenderContext,
	recipient: ParticipantIndex,
	recipient_key: &EncryptionKey,
	ephemeral: &EphemeralKey,
	shared_key: &[u8; 32],
	ciphertext: &FrostShareCiphertext,
	commitments: &[[u8; 32]],
	check: ShareCheck,
) -> Result<frost::keys::SigningShare, ShareError> {
	let key = derive_key(ctx, recipient, ephemeral, recipient_key, shared_key);
	let plaintext = Zeroizing::new(open(&key, &share_aad(ctx, recipient), ciphertext)?);
	let share = frost::keys::SigningShare::deserialize(&plaintext)
		.map_err(|_| ShareError::NonCanonicalScalar)?;
	if check(recipient, &share, commitments) {
		Ok(share)
	} else {
		Err(ShareError::CheckFailed)
	}
}

/// The public statement of a complaint by member `recipient` against sender `ctx.sender`'s
/// envelope (section 14.5).
struct FrostDleqStatement<'a> {
	ctx: &'a SenderContext,
	recipient: ParticipantIndex,
	recipient_key: &'a EncryptionKey,
	ephemeral: &'a EphemeralKey,
	shared_key: &'a SharedKey,
}

impl FrostDleqStatement<'_> {
	fn append_statement(&self, t: &mut Transcript) {
		self.ctx.append_to(t);
		t.append_u32(self.recipient.get())
			.append(self.recipient_key.as_bytes())
			.append(self.ephemeral.as_bytes());
	}

	fn challenge(&self, a: &RistrettoPoint, b: &RistrettoPoint) -> DalekScalar {
		let mut t = Transcript::new(DST_FROST_DLEQ);
		self.append_statement(&mut t);
		t.append(self.shared_key.as_bytes())
			.append(a.compress().as_bytes())
			.append(b.compress().as_bytes());
		t.finalize_scalar()
	}
}

/// What a member's check of the attempt's envelopes came to.
pub enum DkgOutcome {
	/// Every share checked: the member's key package.
	Key(KeyPackage),
	/// The share from `sender` did not: complain with `complaint` (section 14.5).
	Complain {
		/// The sender of the bad share.
		sender: ParticipantIndex,
		/// `K_{j,i}` and its proof.
		complaint: Complaint,
	},
}

/// Member `shape.index`'s check of every envelope and, if all its shares check, its key
/// package (`part3`; section 14.5). `packages` and `envelopes` are the attempt's, in member
/// order (the member's own envelope is skipped). The first bad share found is the one to
/// complain about.
pub fn finish_dkg<R: CryptoRngCore + ?Sized>(
	member: &Member<'_>,
	packages: &[Round1Package],
	envelopes: &[Envelope],
	rng: &mut R,
) -> Result<DkgOutcome, Error> {
	let Member { secret, ctx, shape, .. } = *member;
	if packages.len() != shape.n as usize || envelopes.len() != shape.n as usize {
		return Err(Error::InvalidThreshold);
	}
	let me = shape.index;
	let (secret_package, _, own) = part1(member)?;
	// The chain's copy of the member's own package must be the one it made: otherwise its
	// key package would disagree with the chain's key.
	if packages.get(me.get() as usize - 1) != Some(&own) {
		return Err(Error::WrongCommitmentCount);
	}
	let mut received = BTreeMap::new();
	for (j, (package, envelope)) in
		ParticipantIndex::all(shape.n).zip(packages.iter().zip(envelopes))
	{
		let Some(position) = envelope_slot(j, me) else { continue };
		let sender = SenderContext { attempt: *ctx, sender: j };
		let ephemeral = EphemeralKey::from_bytes(&envelope.ephemeral_key)?;
		let ciphertext = envelope.ciphertexts.get(position).ok_or(Error::InvalidIndex)?;
		let shared = secret.shared_secret(&ephemeral);
		match open_envelope_share(
			&sender,
			me,
			secret.public_key(),
			&ephemeral,
			shared.as_bytes(),
			ciphertext,
			&package.commitments,
			dkg_share_matches,
		) {
			Ok(share) => {
				received.insert(identifier(j)?, frost::keys::dkg::round2::Package::new(share));
			}
			Err(_) => {
				let complaint = complain(secret, &sender, me, &ephemeral, rng);
				return Ok(DkgOutcome::Complain { sender: j, complaint });
			}
		}
	}
	let others = others_round1(me, packages)?;
	let (round2_secret, _) =
		frost::keys::dkg::part2(secret_package, &others).map_err(|_| Error::InvalidProof)?;
	let (key_package, _) = frost::keys::dkg::part3(&round2_secret, &others, &received)
		.map_err(|_| Error::ShareCheckFailed)?;
	Ok(DkgOutcome::Key(key_package))
}

fn complain<R: CryptoRngCore + ?Sized>(
	secret: &WorkerSecret,
	ctx: &SenderContext,
	recipient: ParticipantIndex,
	ephemeral: &EphemeralKey,
	rng: &mut R,
) -> Complaint {
	let shared_key = secret.shared_secret(ephemeral).into_public();
	let statement = FrostDleqStatement {
		ctx,
		recipient,
		recipient_key: secret.public_key(),
		ephemeral,
		shared_key: &shared_key,
	};
	let proof = secret.prove_dleq(
		ephemeral.as_dalek(),
		|t| statement.append_statement(t),
		rng,
		|a, b| statement.challenge(a, b),
	);
	Complaint { shared_key, proof }
}

/// The chain's own state for judging a complaint against an envelope: never taken from the
/// complaint itself.
#[derive(Clone, Copy, Debug)]
pub struct FrostComplaintSubject<'a> {
	/// The envelope's attempt and sender.
	pub sender: &'a SenderContext,
	/// The complaining member's index.
	pub recipient: ParticipantIndex,
	/// Its worker key `E_i`, as stored for the key.
	pub recipient_key: &'a EncryptionKey,
	/// The envelope's `E`.
	pub ephemeral_key: &'a EphemeralKey,
	/// The sender's round-1 commitments.
	pub commitments: &'a [[u8; 32]],
	/// The envelope's ciphertext for the complaining member.
	pub ciphertext: &'a FrostShareCiphertext,
}

/// Judges a complaint against an envelope (section 14.5): verifies the DLEQ proof for the
/// revealed `K_{j,i}`, then decrypts and checks the share itself. `Err` means the complaint is
/// malformed and is refused without a verdict.
pub fn judge_frost_complaint(
	subject: &FrostComplaintSubject<'_>,
	shared_key: &[u8; 32],
	proof: &[u8; 64],
) -> Result<ComplaintVerdict, ComplaintError> {
	judge_envelope_complaint(subject, shared_key, proof, dkg_share_matches)
}

/// Verifies the DLEQ proof for the revealed `K`, then opens and checks the share with `check`.
pub(crate) fn judge_envelope_complaint(
	subject: &FrostComplaintSubject<'_>,
	shared_key: &[u8; 32],
	proof: &[u8; 64],
	check: ShareCheck,
) -> Result<ComplaintVerdict, ComplaintError> {
	judge_revealed_share(
		shared_key,
		proof,
		subject.recipient_key,
		subject.ephemeral_key,
		|shared_key, a, b| {
			FrostDleqStatement {
				ctx: subject.sender,
				recipient: subject.recipient,
				recipient_key: subject.recipient_key,
				ephemeral: subject.ephemeral_key,
				shared_key,
			}
			.challenge(a, b)
		},
		|shared_key| {
			open_envelope_share(
				subject.sender,
				subject.recipient,
				subject.recipient_key,
				subject.ephemeral_key,
				shared_key.as_bytes(),
				subject.ciphertext,
				subject.commitments,
				check,
			)
		},
	)
}

// ---------------------------------------------------------------------------------------------
// The key

/// A key made by an attempt (section 14.5): the group key `Y`, every member's verifying share
/// `Y_i` and the threshold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrostGroup {
	t: u32,
	public: frost::keys::PublicKeyPackage,
}

impl FrostGroup {
	/// The key from the attempt's round-1 packages (all `n_a`, in member order, each accepted
	/// by [`verify_round1`]): `Y = sum_j φ_{j,0}`, `Y_i = sum_k id(i)^k Φ_k`.
	pub fn from_round1(t: u32, packages: &[Round1Package]) -> Result<Self, Error> {
		let n = u32::try_from(packages.len()).map_err(|_| Error::InvalidThreshold)?;
		if packages.iter().any(|p| Some(p.commitments.len()) != (t as usize).checked_add(1)) {
			return Err(Error::WrongCommitmentCount);
		}
		let commitments = ParticipantIndex::all(n)
			.zip(packages)
			.map(|(i, p)| {
				let c = frost::keys::VerifiableSecretSharingCommitment::deserialize(
					p.commitments.iter(),
				)
				.map_err(|_| Error::InvalidPoint)?;
				Ok((identifier(i)?, c))
			})
			.collect::<Result<BTreeMap<_, _>, Error>>()?;
		let refs = commitments.iter().map(|(i, c)| (*i, c)).collect();
		let public = frost::keys::PublicKeyPackage::from_dkg_commitments(&refs)
			.map_err(|_| Error::IdentityPoint)?;
		Self::from_public(t, public)
	}

	fn from_public(t: u32, public: frost::keys::PublicKeyPackage) -> Result<Self, Error> {
		// The group key and every share must encode (none is the identity).
		public.verifying_key().serialize().map_err(|_| Error::IdentityPoint)?;
		for share in public.verifying_shares().values() {
			share.serialize().map_err(|_| Error::IdentityPoint)?;
		}
		Ok(Self { t, public })
	}

	/// A key from what the chain stores: `Y`, the members' identifiers (increasing), their
	/// verifying shares `Y_i` in the same order, and `t`.
	pub fn from_parts(
		t: u32,
		group_key: &[u8; 32],
		ids: &[ParticipantIndex],
		shares: &[[u8; 32]],
	) -> Result<Self, Error> {
		if ids.len() != shares.len() || !ids.iter().zip(ids.iter().skip(1)).all(|(a, b)| a < b) {
			return Err(Error::InvalidIndex);
		}
		let min = u16::try_from(t.saturating_add(1)).map_err(|_| Error::InvalidThreshold)?;
		let key = frost::VerifyingKey::deserialize(group_key).map_err(|_| Error::InvalidPoint)?;
		let shares = ids
			.iter()
			.copied()
			.zip(shares)
			.map(|(i, s)| {
				let share =
					frost::keys::VerifyingShare::deserialize(s).map_err(|_| Error::InvalidPoint)?;
				Ok((identifier(i)?, share))
			})
			.collect::<Result<BTreeMap<_, _>, Error>>()?;
		Self::from_public(t, frost::keys::PublicKeyPackage::new(shares, key, Some(min)))
	}

	/// `t` (`t + 1` members sign).
	pub fn threshold(&self) -> u32 {
		self.t
	}

	/// `Y`: the key, and the 32 bytes of its account.
	pub fn group_key(&self) -> [u8; 32] {
		self.public
			.verifying_key()
			.serialize()
			.ok()
			.and_then(|v| v.try_into().ok())
			.unwrap_or_default()
	}

	/// The verifying shares `Y_i` in increasing order of identifier.
	pub fn verifying_shares(&self) -> Vec<[u8; 32]> {
		self.public
			.verifying_shares()
			.values()
			.map(|s| s.serialize().ok().and_then(|v| v.try_into().ok()).unwrap_or_default())
			.collect()
	}

	/// The key's digest (section 14.5), from the attempt's summed commitments.
	pub fn digest(
		ctx: &AttemptContext,
		t: u32,
		packages: &[Round1Package],
	) -> Result<[u8; 32], Error> {
		let len = packages.first().map(|p| p.commitments.len()).ok_or(Error::InvalidThreshold)?;
		if Some(len) != (t as usize).checked_add(1) {
			return Err(Error::WrongCommitmentCount);
		}
		let mut sums = alloc::vec![curve25519_dalek::EdwardsPoint::default(); len];
		for p in packages {
			if p.commitments.len() != sums.len() {
				return Err(Error::WrongCommitmentCount);
			}
			for (sum, c) in sums.iter_mut().zip(&p.commitments) {
				*sum += decode_point(c)?;
			}
		}
		let mut h = Transcript::new(DST_FROST_KEY);
		h.append(&ctx.genesis).append_u64(ctx.key).append_u32(t);
		h.append_u32(u32::try_from(packages.len()).map_err(|_| Error::InvalidThreshold)?);
		for s in &sums {
			h.append(s.compress().as_bytes());
		}
		Ok(h.finalize_32())
	}

	/// The chain's check of member `index`'s signature share `z_i` over `package` (section
	/// 14.6, RFC 9591 section 5.4).
	pub fn verify_share(
		&self,
		package: &SigningPackage,
		index: ParticipantIndex,
		share: &[u8; 32],
	) -> Result<(), Error> {
		let id = identifier(index)?;
		let share = frost::round2::SignatureShare::deserialize(share)
			.map_err(|_| Error::NonCanonicalScalar)?;
		let verifying_share = self.public.verifying_shares().get(&id).ok_or(Error::InvalidIndex)?;
		frost_core::verify_signature_share(
			id,
			verifying_share,
			&share,
			package,
			self.public.verifying_key(),
		)
		.map_err(|_| Error::InvalidProof)
	}

	/// The signature from the signers' shares (each checked by [`Self::verify_share`]):
	/// `R || z`, verified against `Y` before it is returned.
	pub fn aggregate(
		&self,
		package: &SigningPackage,
		shares: &[(ParticipantIndex, [u8; 32])],
	) -> Result<[u8; SIGNATURE_LEN], Error> {
		let count = shares.len();
		let shares = shares
			.iter()
			.map(|(i, z)| {
				let z = frost::round2::SignatureShare::deserialize(z)
					.map_err(|_| Error::NonCanonicalScalar)?;
				Ok((identifier(*i)?, z))
			})
			.collect::<Result<BTreeMap<_, _>, Error>>()?;
		if shares.len() != count {
			return Err(Error::InvalidIndex);
		}
		let signature =
			frost::aggregate(package, &shares, &self.public).map_err(|_| Error::InvalidProof)?;
		self.public
			.verifying_key()
			.verify(package.message(), &signature)
			.map_err(|_| Error::InvalidProof)?;
		let bytes = signature.serialize().map_err(|_| Error::InvalidProof)?;
		<[u8; SIGNATURE_LEN]>::try_from(bytes.as_slice()).map_err(|_| Error::InvalidProof)
	}
}

// ---------------------------------------------------------------------------------------------
// Signing

/// A member's signing commitments `(D_i, F_i)` as they go on chain (section 14.6).
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct SigningCommitment {
	/// `D_i = d_i * B`.
	pub hiding: [u8; 32],
	/// `F_i = f_i * B`.
	pub binding: [u8; 32],
}

impl SigningCommitment {
	fn to_frost(self) -> Result<frost::round1::SigningCommitments, Error> {
		verify_signing_commitment(&self)?;
		let hiding = frost::round1::NonceCommitment::deserialize(&self.hiding)
			.map_err(|_| Error::InvalidPoint)?;
		let binding = frost::round1::NonceCommitment::deserialize(&self.binding)
			.map_err(|_| Error::InvalidPoint)?;
		Ok(frost::round1::SigningCommitments::new(hiding, binding))
	}
}

/// The chain's check of signing commitments: both points valid.
pub fn verify_signing_commitment(commitment: &SigningCommitment) -> Result<(), Error> {
	decode_point(&commitment.hiding)?;
	decode_point(&commitment.binding)?;
	Ok(())
}

/// The signing package of an attempt: the message and the signers' commitments.
pub fn signing_package(
	message: &[u8],
	signers: &[(ParticipantIndex, SigningCommitment)],
) -> Result<SigningPackage, Error> {
	let commitments = signers
		.iter()
		.map(|(i, c)| Ok((identifier(*i)?, c.to_frost()?)))
		.collect::<Result<BTreeMap<_, _>, Error>>()?;
	if commitments.len() != signers.len() {
		return Err(Error::InvalidIndex);
	}
	Ok(SigningPackage::new(commitments, message))
}

/// Fresh nonces for one signature and the commitments to post (`round1::commit`).
pub fn commit<R: CryptoRngCore + ?Sized>(
	key: &KeyPackage,
	rng: &mut R,
) -> Result<(SigningNonces, SigningCommitment), Error> {
	// frost takes a sized RNG: draw its seed from the caller's.
	let mut seed = Zeroizing::new([0u8; 32]);
	rng.fill_bytes(&mut *seed);
	let mut rng = ChaCha20Rng::from_seed(*seed);
	let (nonces, commitments) = frost::round1::commit(key.signing_share(), &mut rng);
	let commitment = commitment_of(&commitments)?;
	Ok((nonces, commitment))
}

fn commitment_of(c: &frost::round1::SigningCommitments) -> Result<SigningCommitment, Error> {
	let point = |p: &frost::round1::NonceCommitment| {
		p.serialize()
			.ok()
			.and_then(|v| <[u8; 32]>::try_from(v.as_slice()).ok())
			.ok_or(Error::InvalidPoint)
	};
	Ok(SigningCommitment { hiding: point(c.hiding())?, binding: point(c.binding())? })
}

/// The commitments of a nonce pair.
pub fn nonce_commitment(nonces: &SigningNonces) -> Result<SigningCommitment, Error> {
	commitment_of(nonces.commitments())
}

/// A nonce pair as a member stores it between the rounds: `d || f` (secret).
pub fn nonces_to_bytes(nonces: &SigningNonces) -> Zeroizing<[u8; 64]> {
	let mut out = Zeroizing::new([0u8; 64]);
	let (d, f) = out.split_at_mut(32);
	d.copy_from_slice(&nonces.hiding().serialize());
	f.copy_from_slice(&nonces.binding().serialize());
	out
}

/// A stored nonce pair.
pub fn nonces_from_bytes(bytes: &[u8; 64]) -> Result<SigningNonces, Error> {
	let (d, f) = split_64(bytes);
	let (d, f) = (Zeroizing::new(d), Zeroizing::new(f));
	let hiding = frost_core::round1::Nonce::<frost::Ed25519Sha512>::deserialize(&*d)
		.map_err(|_| Error::NonCanonicalScalar)?;
	let binding = frost_core::round1::Nonce::<frost::Ed25519Sha512>::deserialize(&*f)
		.map_err(|_| Error::NonCanonicalScalar)?;
	Ok(SigningNonces::from_nonces(hiding, binding))
}

/// Member's signature share `z_i` over `package` (`round2::sign`). The caller must have
/// erased `nonces` from its store before the share leaves the node (section 14.6).
pub fn sign(
	package: &SigningPackage,
	nonces: SigningNonces,
	key: &KeyPackage,
) -> Result<[u8; 32], Error> {
	let share = frost::round2::sign(package, &nonces, key).map_err(|_| Error::InvalidProof)?;
	<[u8; 32]>::try_from(share.serialize().as_slice()).map_err(|_| Error::InvalidProof)
}

pub mod refresh;
#[cfg(any(test, feature = "test-utils"))]
pub mod testing;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod vectors;
