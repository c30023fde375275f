//! The beacon committee's distributed key generation (PROTOCOL.md sections 11.1 to 11.4):
//! joint-Feldman dealings with a proof of knowledge of `a_{j,0}` and `r`, key shares encrypted
//! with the share encryption of section 5 under their own tags, complaints judged by the chain
//! as in section 7, and the group key with every member's public share.
//!
//! - A member deals with [`deal_key`]; the chain accepts the dealing with
//!   [`verify_key_dealing`].
//! - A member opens and checks its share of each dealing with
//!   [`WorkerSecret::open_key_share`](crate::WorkerSecret::open_key_share) and complains
//!   about a bad one with [`WorkerSecret::complain_key_dealing`](crate::WorkerSecret::complain_key_dealing);
//!   the chain judges the complaint with [`judge_key_complaint`].
//! - Once the qualified dealers are known, [`GroupKey::combine`] gives `X` and every `X_i`,
//!   and a member sums its shares into its [`KeyShare`].

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt;
use curve25519_dalek::{
	ristretto::RistrettoPoint,
	scalar::Scalar as DalekScalar,
	traits::{Identity, IsIdentity, VartimeMultiscalarMul},
};
use rand_core::CryptoRngCore;
use scale_info::TypeInfo;
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::worker::judge_revealed_share;
use crate::{
	dealer::MAX_COMMITTEE,
	domain::{
		DST_DKG_DEALING, DST_DKG_DIGEST, DST_DKG_DLEQ, DST_DKG_KDF, DST_DKG_KEY, DST_DKG_SHARE,
	},
	encryption::{derive_key, open, seal, share_aad, Channel, TAG_LEN},
	generators::basepoint_table,
	hash::Transcript,
	proof::hedged_nonce,
	shamir::{powers, ParticipantIndex, Polynomial},
	AccountBytes, ComplaintError, ComplaintVerdict, EncryptionKey, EphemeralKey, EpochContext,
	Error, Point, Scalar, ShareError, SharedKey, SubmissionError,
};

/// Length of a key-share ciphertext: one scalar and the tag.
pub const KEY_SHARE_CIPHERTEXT_LEN: usize = 32 + TAG_LEN;
/// Length of a dealing's proof `c || z_1 || z_2`.
pub const KEY_DEALING_PROOF_LEN: usize = 96;

/// The shape of a beacon committee: `n_B >= 3` members and the threshold
/// `t_B = floor((n_B - 1) / 2)`, so `n_B >= 2 t_B + 1`: the members beyond any `t_B` faulty
/// ones are at least `t_B + 1` (section 11.1).
///
/// SCALE-encoded as the `u32` `n_B`; decoding re-checks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, TypeInfo, MaxEncodedLen)]
pub struct CommitteeShape {
	n: u32,
}

impl CommitteeShape {
	/// The smallest committee: `t_B = 1`.
	pub const MIN_MEMBERS: u32 = 3;

	/// Checks `3 <= n <= MAX_COMMITTEE`.
	pub fn new(n: u32) -> Result<Self, Error> {
		if !(Self::MIN_MEMBERS..=MAX_COMMITTEE).contains(&n) {
			return Err(Error::InvalidThreshold);
		}
		Ok(Self { n })
	}

	/// `n_B`.
	pub fn n(&self) -> u32 {
		self.n
	}

	/// `t_B = floor((n_B - 1) / 2)`.
	pub fn t(&self) -> u32 {
		(self.n - 1) / 2
	}

	/// Member index `i` of this committee: `1 <= i <= n_B`.
	pub fn index(&self, i: u32) -> Result<ParticipantIndex, Error> {
		ParticipantIndex::within(i, self.n)
	}
}

impl Encode for CommitteeShape {
	fn size_hint(&self) -> usize {
		4
	}
	fn encode_to<O: codec::Output + ?Sized>(&self, dest: &mut O) {
		self.n.encode_to(dest)
	}
}

impl codec::EncodeLike for CommitteeShape {}

impl Decode for CommitteeShape {
	fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
		Self::new(u32::decode(input)?).map_err(|_| "invalid committee size".into())
	}
}

impl DecodeWithMemTracking for CommitteeShape {}

/// Dealer `j` of an epoch: `genesis || u64le(e) || u32le(j)` in its proof, key derivation and
/// associated data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DealerContext {
	/// The epoch.
	pub epoch: EpochContext,
	/// The dealer's member index `j`.
	pub dealer: ParticipantIndex,
}

impl DealerContext {
	pub(crate) fn append_to(&self, t: &mut Transcript) {
		self.epoch.append_to(t);
		t.append_u32(self.dealer.get());
	}
}

impl Channel for DealerContext {
	const KDF_TAG: &'static [u8] = DST_DKG_KDF;
	const AAD_TAG: &'static [u8] = DST_DKG_SHARE;
	fn write_context(&self, sink: &mut dyn FnMut(&[u8])) {
		sink(&self.epoch.genesis);
		sink(&self.epoch.epoch.to_le_bytes());
		sink(&self.dealer.get().to_le_bytes());
	}
}

/// A dealing as it goes on chain (section 11.2, step 7), in wire form.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct KeyDealing {
	/// `R = r * G`.
	pub ephemeral_key: [u8; 32],
	/// The proof of knowledge of `a_{j,0}` and `r`, `c || z_1 || z_2`.
	pub proof: [u8; KEY_DEALING_PROOF_LEN],
	/// `A_{j,0}..A_{j,t}`.
	pub commitments: Vec<[u8; 32]>,
	/// `ct_{j,1}..ct_{j,n}`, in committee order.
	pub ciphertexts: Vec<[u8; KEY_SHARE_CIPHERTEXT_LEN]>,
}

impl KeyDealing {
	/// The dealing as borrowed parts, for [`verify_key_dealing`].
	pub fn as_parts(&self) -> KeyDealingParts<'_> {
		KeyDealingParts {
			ephemeral_key: &self.ephemeral_key,
			proof: &self.proof,
			commitments: &self.commitments,
			ciphertexts: &self.ciphertexts,
		}
	}
}

/// A dealing's parts, borrowed from wherever they are (the pallet's bounded vectors).
#[derive(Clone, Copy, Debug)]
pub struct KeyDealingParts<'a> {
	/// `R`, undecoded.
	pub ephemeral_key: &'a [u8; 32],
	/// The proof, undecoded.
	pub proof: &'a [u8; KEY_DEALING_PROOF_LEN],
	/// The commitments, undecoded.
	pub commitments: &'a [[u8; 32]],
	/// The ciphertexts.
	pub ciphertexts: &'a [[u8; KEY_SHARE_CIPHERTEXT_LEN]],
}

/// The secret randomness of one dealing: the polynomial, `r` and the proof nonces.
#[derive(Zeroize, ZeroizeOnDrop)]
pub(crate) struct KeyDealingRandomness {
	/// `a_{j,0}..a_{j,t}`.
	pub(crate) coefficients: Vec<Scalar>,
	/// The ephemeral secret `r`; never zero.
	pub(crate) r: DalekScalar,
	/// The proof nonces `k_1`, `k_2`.
	pub(crate) k: [DalekScalar; 2],
}

impl KeyDealingRandomness {
	/// Fresh randomness for dealer `ctx` (account `account`): the proof nonces are hedged
	/// with the dealer's context, the statement they prove things about.
	fn random<R: CryptoRngCore + ?Sized>(
		ctx: &DealerContext,
		account: &AccountBytes,
		shape: CommitteeShape,
		rng: &mut R,
	) -> Self {
		let coefficients = (0..=shape.t()).map(|_| Scalar::random(rng)).collect::<Vec<_>>();
		let mut r = DalekScalar::random(rng);
		while r == DalekScalar::ZERO {
			r = DalekScalar::random(rng);
		}
		let a0 = Zeroizing::new(coefficients.first().map(|a| a.0).unwrap_or_default());
		let statement = |t: &mut Transcript| {
			ctx.append_to(t);
			t.append(account);
		};
		let k = [*hedged_nonce(&a0, statement, rng), *hedged_nonce(&r, statement, rng)];
		Self { coefficients, r, k }
	}
}

/// The challenge of a dealing's proof (section 11.2, step 5).
fn dealing_challenge(
	ctx: &DealerContext,
	account: &AccountBytes,
	ephemeral_key: &EphemeralKey,
	commitments: &[Point],
	t1: &RistrettoPoint,
	t2: &RistrettoPoint,
) -> DalekScalar {
	let mut t = Transcript::new(DST_DKG_DEALING);
	ctx.append_to(&mut t);
	t.append(account).append(ephemeral_key.as_bytes());
	for a in commitments {
		t.append(a.as_bytes());
	}
	t.append(t1.compress().as_bytes()).append(t2.compress().as_bytes());
	t.finalize_scalar()
}

/// Deals a fresh key contribution as member `ctx.dealer` (account `account`) to the committee
/// `E_1..E_n` (PROTOCOL.md section 11.2). The result is ready to submit.
///
/// All secret randomness comes from `rng`, which must be cryptographically secure; nothing of
/// it outlives this call (each member, the dealer included, opens its share from the chain).
pub fn deal_key<R: CryptoRngCore + ?Sized>(
	ctx: &DealerContext,
	account: &AccountBytes,
	committee: &[EncryptionKey],
	rng: &mut R,
) -> Result<KeyDealing, Error> {
	let n = u32::try_from(committee.len()).map_err(|_| Error::InvalidThreshold)?;
	let shape = CommitteeShape::new(n)?;
	let randomness = KeyDealingRandomness::random(ctx, account, shape, rng);
	deal_key_with_randomness(ctx, account, committee, randomness)
}

/// [`deal_key`] with the randomness given: for test vectors only.
pub(crate) fn deal_key_with_randomness(
	ctx: &DealerContext,
	account: &AccountBytes,
	committee: &[EncryptionKey],
	randomness: KeyDealingRandomness,
) -> Result<KeyDealing, Error> {
	let n = u32::try_from(committee.len()).map_err(|_| Error::InvalidThreshold)?;
	let shape = CommitteeShape::new(n)?;
	shape.index(ctx.dealer.get())?;
	if randomness.coefficients.len() != shape.t() as usize + 1 {
		return Err(Error::WrongCommitmentCount);
	}
	if randomness.r == DalekScalar::ZERO {
		return Err(Error::IdentityPoint);
	}
	let polynomial = Polynomial::from_coefficients(randomness.coefficients.clone())
		.ok_or(Error::WrongCommitmentCount)?;
	let commitments: Vec<Point> =
		polynomial.coefficients().iter().map(|a| Point::from(basepoint_table() * &a.0)).collect();
	let ephemeral_key = EphemeralKey::new_unchecked(Point::from(basepoint_table() * &randomness.r));

	let a0 = Zeroizing::new(polynomial.coefficients().first().map(|a| a.0).unwrap_or_default());
	let [k1, k2] = randomness.k.map(Zeroizing::new);
	let t1 = basepoint_table() * &*k1;
	let t2 = basepoint_table() * &*k2;
	let c = dealing_challenge(ctx, account, &ephemeral_key, &commitments, &t1, &t2);
	let z1 = *k1 + c * *a0;
	let z2 = *k2 + c * randomness.r;
	let mut proof = [0u8; KEY_DEALING_PROOF_LEN];
	for (chunk, s) in proof.chunks_exact_mut(32).zip([&c, &z1, &z2]) {
		chunk.copy_from_slice(s.as_bytes());
	}

	let ciphertexts = ParticipantIndex::all(n)
		.zip(committee)
		.map(|(i, member_key)| {
			let share = Zeroizing::new(polynomial.evaluate(i));
			let share = Zeroizing::new(share.to_bytes());
			let shared = crate::SharedSecret::multiply(member_key.as_dalek(), &randomness.r);
			let key = derive_key(ctx, i, &ephemeral_key, member_key, shared.as_bytes());
			let sealed = seal(&key, &share_aad(ctx, i), &*share);
			<[u8; KEY_SHARE_CIPHERTEXT_LEN]>::try_from(sealed.as_slice())
				.map_err(|_| Error::DecryptionFailed)
		})
		.collect::<Result<Vec<_>, Error>>()?;

	Ok(KeyDealing {
		ephemeral_key: ephemeral_key.to_bytes(),
		proof,
		commitments: commitments.iter().map(|a| a.to_bytes()).collect(),
		ciphertexts,
	})
}

/// `h_j`, the digest that names a dealing in a complaint (section 11.3):
/// `SHA512(tag || genesis || u64le(e) || u32le(j) || R || A_{j,0} || ... || A_{j,t} || ct_{j,1} || ... || ct_{j,n})[0..32]`.
///
/// A dealer that knows `r` can deal twice with the same `R` on two branches of a fork, with a
/// bad share for a member on one and a good one on the other; naming the dealing by `R` alone
/// would let the member's complaint about the first be judged against the second.
pub fn dealing_digest(ctx: &DealerContext, dealing: KeyDealingParts<'_>) -> [u8; 32] {
	let mut t = Transcript::new(DST_DKG_DIGEST);
	ctx.append_to(&mut t);
	t.append(dealing.ephemeral_key);
	for a in dealing.commitments {
		t.append(a);
	}
	for c in dealing.ciphertexts {
		t.append(c);
	}
	t.finalize_32()
}

/// A dealing that passed [`verify_key_dealing`], decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcceptedKeyDealing {
	/// `R`.
	pub ephemeral_key: EphemeralKey,
	/// `A_{j,0}..A_{j,t}`.
	pub commitments: Vec<Point>,
}

/// The chain's acceptance check of a dealing (PROTOCOL.md section 11.2, last paragraph), epoch
/// state aside: exactly `t_B + 1` canonical commitments, `n_B` ciphertexts (their length is
/// fixed by the type), `R` canonical and not the identity, not used before in this epoch
/// (`is_repeated`), and a valid proof of knowledge of `a_{j,0}` and `r` by `account`.
///
/// The errors are those of an input submission, in the same order of checks.
pub fn verify_key_dealing(
	ctx: &DealerContext,
	account: &AccountBytes,
	shape: CommitteeShape,
	dealing: KeyDealingParts<'_>,
	is_repeated: impl FnOnce(&EphemeralKey) -> bool,
) -> Result<AcceptedKeyDealing, SubmissionError> {
	if dealing.commitments.len() != shape.t() as usize + 1 {
		return Err(SubmissionError::WrongCommitmentCount);
	}
	if dealing.ciphertexts.len() != shape.n() as usize {
		return Err(SubmissionError::WrongCiphertextCount);
	}
	let ephemeral_key = match EphemeralKey::from_bytes(dealing.ephemeral_key) {
		Ok(r) => r,
		Err(Error::IdentityPoint) => return Err(SubmissionError::IdentityEphemeralKey),
		Err(_) => return Err(SubmissionError::BadEphemeralKeyEncoding),
	};
	let commitments = dealing
		.commitments
		.iter()
		.enumerate()
		.map(|(j, a)| {
			Point::from_bytes(a).map_err(|_| SubmissionError::BadCommitmentEncoding { j: j as u32 })
		})
		.collect::<Result<Vec<Point>, SubmissionError>>()?;
	if is_repeated(&ephemeral_key) {
		return Err(SubmissionError::RepeatedEphemeralKey);
	}
	let scalar = |k: usize| {
		dealing
			.proof
			.get(32 * k..32 * (k + 1))
			.and_then(|bytes| Scalar::from_canonical_slice(bytes).ok())
			.map(|s| s.0)
			.ok_or(SubmissionError::BadProof)
	};
	let (c, z1, z2) = (scalar(0)?, scalar(1)?, scalar(2)?);
	let a0 = commitments.first().ok_or(SubmissionError::WrongCommitmentCount)?;
	let t1 = RistrettoPoint::vartime_double_scalar_mul_basepoint(&-c, a0.as_dalek(), &z1);
	let t2 =
		RistrettoPoint::vartime_double_scalar_mul_basepoint(&-c, ephemeral_key.as_dalek(), &z2);
	if dealing_challenge(ctx, account, &ephemeral_key, &commitments, &t1, &t2) != c {
		return Err(SubmissionError::BadProof);
	}
	Ok(AcceptedKeyDealing { ephemeral_key, commitments })
}

/// `sum_k i^k A_k` over public commitments (variable time); `None` without commitments.
fn evaluate_commitments(index: ParticipantIndex, commitments: &[Point]) -> Option<RistrettoPoint> {
	let t = commitments.len().checked_sub(1)?;
	let weights = powers(index, t);
	Some(RistrettoPoint::vartime_multiscalar_mul(
		weights.iter().map(|w| w.0),
		commitments.iter().map(|a| *a.as_dalek()),
	))
}

/// Decrypts and checks a key share (section 11.3): one canonical scalar `s` with
/// `s G == sum_k i^k A_{j,k}`.
pub(crate) fn open_key_share(
	ctx: &DealerContext,
	index: ParticipantIndex,
	ephemeral_key: &EphemeralKey,
	member_key: &EncryptionKey,
	shared_key: &[u8; 32],
	ciphertext: &[u8; KEY_SHARE_CIPHERTEXT_LEN],
	commitments: &[Point],
) -> Result<Zeroizing<Scalar>, ShareError> {
	let key = derive_key(ctx, index, ephemeral_key, member_key, shared_key);
	let plaintext = open(&key, &share_aad(ctx, index), ciphertext)?;
	let share = Zeroizing::new(
		Scalar::from_canonical_slice(&plaintext).map_err(|_| ShareError::NonCanonicalScalar)?,
	);
	let expected = evaluate_commitments(index, commitments).ok_or(ShareError::CheckFailed)?;
	// The share is secret: its side of the equation is a constant-time fixed-base product.
	let lhs = basepoint_table() * &share.0;
	if bool::from(lhs.compress().as_bytes().ct_eq(expected.compress().as_bytes())) {
		Ok(share)
	} else {
		Err(ShareError::CheckFailed)
	}
}

/// The public statement of a complaint against a dealing: member `index` with key `E_i`
/// claims `K = e_i R` for dealer `ctx.dealer`'s `R` (section 11.3).
pub(crate) struct KeyDleqStatement<'a> {
	pub(crate) ctx: &'a DealerContext,
	pub(crate) index: ParticipantIndex,
	pub(crate) member_key: &'a EncryptionKey,
	pub(crate) ephemeral_key: &'a EphemeralKey,
	pub(crate) shared_key: &'a SharedKey,
}

impl KeyDleqStatement<'_> {
	pub(crate) fn challenge(&self, a: &RistrettoPoint, b: &RistrettoPoint) -> DalekScalar {
		let mut t = Transcript::new(DST_DKG_DLEQ);
		self.ctx.append_to(&mut t);
		t.append_u32(self.index.get())
			.append(self.member_key.as_bytes())
			.append(self.ephemeral_key.as_bytes())
			.append(self.shared_key.as_bytes())
			.append(a.compress().as_bytes())
			.append(b.compress().as_bytes());
		t.finalize_scalar()
	}
}

/// The chain's own state for judging a complaint against a dealing: never taken from the
/// complaint itself.
#[derive(Clone, Copy, Debug)]
pub struct KeyComplaintSubject<'a> {
	/// The dealing's epoch and dealer.
	pub dealer: &'a DealerContext,
	/// The complaining member's index.
	pub index: ParticipantIndex,
	/// Its key `E_i`, as snapshotted for the epoch.
	pub member_key: &'a EncryptionKey,
	/// The dealing's `R`.
	pub ephemeral_key: &'a EphemeralKey,
	/// The dealing's commitments `A_{j,0}..A_{j,t}`.
	pub commitments: &'a [Point],
	/// The dealing's ciphertext for this member.
	pub ciphertext: &'a [u8; KEY_SHARE_CIPHERTEXT_LEN],
}

/// Judges a complaint against a dealing (PROTOCOL.md section 11.3): verifies the DLEQ proof
/// for the revealed `K_{j,i}`, then decrypts and checks the share itself.
///
/// `Err` means the complaint is malformed; the chain rejects it without a verdict.
pub fn judge_key_complaint(
	subject: &KeyComplaintSubject<'_>,
	shared_key: &[u8; 32],
	proof: &[u8; 64],
) -> Result<ComplaintVerdict, ComplaintError> {
	judge_revealed_share(
		shared_key,
		proof,
		subject.member_key,
		subject.ephemeral_key,
		|shared_key, a, b| {
			KeyDleqStatement {
				ctx: subject.dealer,
				index: subject.index,
				member_key: subject.member_key,
				ephemeral_key: subject.ephemeral_key,
				shared_key,
			}
			.challenge(a, b)
		},
		|shared_key| {
			open_key_share(
				subject.dealer,
				subject.index,
				subject.ephemeral_key,
				subject.member_key,
				shared_key.as_bytes(),
				subject.ciphertext,
				subject.commitments,
			)
		},
	)
}

/// An epoch's group key (section 11.4): the summed commitments `Â_0..Â_{t}` of the qualified
/// dealers. `X = Â_0`, never the identity; `X_i = sum_k i^k Â_k`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupKey {
	shape: CommitteeShape,
	commitments: Vec<Point>,
}

impl GroupKey {
	/// Sums the commitments of the qualified dealings. Needs at least `t_B + 1` of them, each
	/// with `t_B + 1` commitments, and a sum whose `Â_0` is not the identity.
	pub fn combine<'a>(
		shape: CommitteeShape,
		qualified: impl IntoIterator<Item = &'a [Point]>,
	) -> Result<Self, Error> {
		let len = shape.t() as usize + 1;
		let mut sums = alloc::vec![RistrettoPoint::identity(); len];
		let mut count = 0usize;
		for commitments in qualified {
			if commitments.len() != len {
				return Err(Error::WrongCommitmentCount);
			}
			for (sum, a) in sums.iter_mut().zip(commitments) {
				*sum += a.as_dalek();
			}
			count += 1;
		}
		if count < len {
			return Err(Error::NotEnoughShares);
		}
		Self::from_commitments(shape, sums.into_iter().map(Point::from).collect())
	}

	/// The group key from `Â_0..Â_t` as stored on chain.
	pub fn from_commitments(shape: CommitteeShape, commitments: Vec<Point>) -> Result<Self, Error> {
		if commitments.len() != shape.t() as usize + 1 {
			return Err(Error::WrongCommitmentCount);
		}
		if commitments.first().is_none_or(|x| x.as_dalek().is_identity()) {
			return Err(Error::IdentityPoint);
		}
		Ok(Self { shape, commitments })
	}

	/// The committee's shape.
	pub fn shape(&self) -> CommitteeShape {
		self.shape
	}

	/// `Â_0..Â_t`.
	pub fn commitments(&self) -> &[Point] {
		&self.commitments
	}

	/// The group key `X = Â_0`.
	pub fn public_key(&self) -> Point {
		self.commitments.first().copied().unwrap_or_else(Point::identity)
	}

	/// Member `i`'s public share `X_i = sum_k i^k Â_k`.
	pub fn public_share(&self, index: ParticipantIndex) -> Point {
		Point::from(evaluate_commitments(index, &self.commitments).unwrap_or_default())
	}

	/// `keydigest_e` (section 11.4).
	pub fn digest(&self, ctx: &EpochContext) -> [u8; 32] {
		let mut t = Transcript::new(DST_DKG_KEY);
		ctx.append_to(&mut t);
		t.append_u32(self.shape.n()).append_u32(self.shape.t());
		for a in &self.commitments {
			t.append(a.as_bytes());
		}
		t.finalize_32()
	}
}

/// A member's secret key share `x_i` with its public share `X_i = x_i G` (section 11.4).
///
/// Zeroized on drop; `Debug` prints only the index and the public share.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct KeyShare {
	#[zeroize(skip)]
	index: ParticipantIndex,
	secret: DalekScalar,
	#[zeroize(skip)]
	public: Point,
}

impl KeyShare {
	/// `x_i = sum_j s_{j,i}` over the member's checked shares of the qualified dealings.
	pub fn from_shares<'a>(
		index: ParticipantIndex,
		shares: impl IntoIterator<Item = &'a Scalar>,
	) -> Self {
		let mut secret = Zeroizing::new(DalekScalar::ZERO);
		for s in shares {
			*secret += s.0;
		}
		let public = Point::from(basepoint_table() * &*secret);
		Self { index, secret: *secret, public }
	}

	/// The member's index `i`.
	pub fn index(&self) -> ParticipantIndex {
		self.index
	}

	/// `X_i = x_i G`: equal to the group key's `public_share(i)` when every share was right.
	pub fn public_share(&self) -> &Point {
		&self.public
	}

	pub(crate) fn secret(&self) -> &DalekScalar {
		&self.secret
	}
}

impl fmt::Debug for KeyShare {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(
			f,
			"KeyShare {{ index: {}, public: {:?}, secret: <redacted> }}",
			self.index.get(),
			self.public
		)
	}
}
