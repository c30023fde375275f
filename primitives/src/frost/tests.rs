//! Threshold keys end to end in memory: a DKG through the chain's checks, signing with every
//! share checked, the signature checked by an independent Ed25519 implementation, and what a
//! faulty member can and cannot do.

use super::*;
use proptest::prelude::*;

fn idx(i: u32) -> ParticipantIndex {
	ParticipantIndex::new(i).expect("non-zero")
}

/// The shared recipe's committee, with the chain's checks run on every message it makes.
struct Committee(testing::TestCommittee);

impl core::ops::Deref for Committee {
	type Target = testing::TestCommittee;
	fn deref(&self) -> &Self::Target {
		&self.0
	}
}

impl Committee {
	fn new(n: u32, t: u32, seed: u8) -> Self {
		let secrets = (0..n)
			.map(|i| {
				let mut bytes = [0u8; 64];
				bytes[0] = seed;
				bytes[1] = i as u8 + 1;
				WorkerSecret::from_uniform_bytes(&bytes).expect("key")
			})
			.collect();
		let accounts = (0..n).map(|i| [i as u8 + 100; 32]).collect();
		let ctx = AttemptContext { genesis: [7u8; 32], key: 4, attempt: 1 };
		Self(testing::TestCommittee::new(ctx, t, secrets, accounts))
	}

	fn shape(&self, i: u32) -> MemberShape {
		MemberShape { index: idx(i), n: self.n(), t: self.t }
	}

	fn member(&self, i: u32) -> Member<'_> {
		self.0.member(idx(i))
	}

	fn round1(&self) -> Vec<Round1Package> {
		let packages = self.0.round1().expect("round 1");
		for (i, p) in ParticipantIndex::all(self.n()).zip(&packages) {
			verify_round1(i, self.t, p).expect("the chain accepts it");
		}
		packages
	}

	fn envelopes(&self, packages: &[Round1Package]) -> Vec<Envelope> {
		let envelopes = self.0.envelopes(packages).expect("envelopes");
		for ((j, e), account) in ParticipantIndex::all(self.n()).zip(&envelopes).zip(&self.accounts)
		{
			let sender = SenderContext { attempt: self.ctx, sender: j };
			verify_envelope(&sender, account, self.n(), e).expect("the chain accepts it");
		}
		envelopes
	}

	fn keys_of(&self, packages: &[Round1Package], envelopes: &[Envelope]) -> Vec<KeyPackage> {
		let mut rng = ChaCha20Rng::seed_from_u64(1);
		self.0.key_packages(packages, envelopes, &mut rng).expect("no member complains")
	}
}

/// Signs `message` with the members `signers` and returns the signature, checking every share.
fn sign_with(
	group: &FrostGroup,
	keys: &[KeyPackage],
	signers: &[u32],
	message: &[u8],
	seed: u64,
) -> [u8; 64] {
	let mut rng = ChaCha20Rng::seed_from_u64(seed);
	let mut nonces = Vec::new();
	let mut commitments = Vec::new();
	for &i in signers {
		let (n, c) = commit(&keys[i as usize - 1], &mut rng).expect("commit");
		verify_signing_commitment(&c).expect("valid");
		assert_eq!(nonce_commitment(&n).expect("commitment"), c);
		let n = nonces_from_bytes(&nonces_to_bytes(&n)).expect("round trip");
		nonces.push(n);
		commitments.push((idx(i), c));
	}
	let package = signing_package(message, &commitments).expect("package");
	let shares: Vec<_> = signers
		.iter()
		.zip(nonces)
		.map(|(&i, n)| {
			let z = sign(&package, n, &keys[i as usize - 1]).expect("share");
			group.verify_share(&package, idx(i), &z).expect("the chain accepts the share");
			(idx(i), z)
		})
		.collect();
	group.aggregate(&package, &shares).expect("signature")
}

fn ed25519_verifies(key: &[u8; 32], message: &[u8], signature: &[u8; 64]) -> bool {
	let key = ed25519_dalek::VerifyingKey::from_bytes(key).expect("a key");
	key.verify_strict(message, &ed25519_dalek::Signature::from_bytes(signature)).is_ok()
}

#[test]
fn a_committee_makes_a_key_and_any_t_plus_one_sign_with_it() {
	let c = Committee::new(5, 2, 0);
	let packages = c.round1();
	let envelopes = c.envelopes(&packages);
	let keys = c.keys_of(&packages, &envelopes);
	let group = FrostGroup::from_round1(2, &packages).expect("key");
	// Every member's part3 agrees with the chain's key and shares.
	for (i, k) in keys.iter().enumerate() {
		assert_eq!(k.verifying_key().serialize().expect("key").as_slice(), &group.group_key());
		assert_eq!(
			k.verifying_share().serialize().expect("share").as_slice(),
			&group.verifying_shares()[i]
		);
	}
	// Stored and reloaded as the chain keeps it.
	let stored = FrostGroup::from_parts(
		2,
		&group.group_key(),
		&ParticipantIndex::all(5).collect::<Vec<_>>(),
		&group.verifying_shares(),
	)
	.expect("parts");
	assert_eq!(stored, group);
	for (n, signers) in [[1u32, 2, 3], [2, 4, 5], [5, 1, 3]].iter().enumerate() {
		let message = alloc::format!("transfer {n}");
		let signature = sign_with(&stored, &keys, signers, message.as_bytes(), n as u64);
		assert!(ed25519_verifies(&group.group_key(), message.as_bytes(), &signature));
		assert!(!ed25519_verifies(&group.group_key(), b"another message", &signature));
	}
	// The same member derives the same package on every branch: no state, same bytes.
	assert_eq!(c.round1(), packages);
	assert_eq!(c.envelopes(&packages), envelopes);
}

#[test]
fn round1_packages_are_checked() {
	let c = Committee::new(3, 1, 9);
	let packages = c.round1();
	let good = packages[1].clone();
	// Another member's package does not pass as member 2's: the identifier is in the proof.
	assert_eq!(verify_round1(idx(1), 1, &good), Err(Error::InvalidProof));
	assert_eq!(verify_round1(idx(2), 2, &good), Err(Error::WrongCommitmentCount));
	let mut bad = good.clone();
	bad.proof[40] ^= 1;
	assert!(verify_round1(idx(2), 1, &bad).is_err());
	let mut bad = good.clone();
	bad.commitments[1] = curve25519_dalek::EdwardsPoint::default().compress().to_bytes();
	assert_eq!(verify_round1(idx(2), 1, &bad), Err(Error::IdentityPoint));
	// A point of small order (the order-2 point (0, -1)) is refused.
	let mut small = [0u8; 32];
	small[0] = 0xec;
	small[1..31].fill(0xff);
	small[31] = 0x7f;
	let mut bad = good.clone();
	bad.commitments[0] = small;
	assert!(matches!(
		verify_round1(idx(2), 1, &bad),
		Err(Error::InvalidPoint | Error::IdentityPoint)
	));
	// A mixed-order commitment (a prime-order point plus a torsion point) is refused.
	let torsion = curve25519_dalek::constants::EIGHT_TORSION[1];
	let p = Ed25519Group::deserialize(&good.commitments[1]).expect("valid") + torsion;
	let mut bad = good.clone();
	bad.commitments[1] = p.compress().to_bytes();
	assert_eq!(verify_round1(idx(2), 1, &bad), Err(Error::InvalidPoint));
	// A changed commitment breaks nothing the proof covers but φ_0; a changed φ_0 breaks it.
	let mut bad = good.clone();
	bad.commitments[0] = packages[0].commitments[0];
	assert_eq!(verify_round1(idx(2), 1, &bad), Err(Error::InvalidProof));
}

#[test]
fn envelopes_are_checked_and_bound_to_their_sender() {
	let c = Committee::new(4, 1, 3);
	let packages = c.round1();
	let envelopes = c.envelopes(&packages);
	let e = &envelopes[0];
	let sender = SenderContext { attempt: c.ctx, sender: idx(1) };
	assert!(verify_envelope(&sender, &c.accounts[0], 4, e).is_ok());
	// Another account, member, attempt or size: refused.
	assert_eq!(verify_envelope(&sender, &c.accounts[1], 4, e), Err(SubmissionError::BadProof));
	let other = SenderContext { attempt: c.ctx, sender: idx(2) };
	assert_eq!(verify_envelope(&other, &c.accounts[0], 4, e), Err(SubmissionError::BadProof));
	let later = SenderContext { attempt: AttemptContext { attempt: 2, ..c.ctx }, sender: idx(1) };
	assert_eq!(verify_envelope(&later, &c.accounts[0], 4, e), Err(SubmissionError::BadProof));
	assert_eq!(
		verify_envelope(&sender, &c.accounts[0], 5, e),
		Err(SubmissionError::WrongCiphertextCount)
	);
	let mut bad = e.clone();
	bad.ephemeral_key = [0u8; 32];
	assert_eq!(
		verify_envelope(&sender, &c.accounts[0], 4, &bad),
		Err(SubmissionError::IdentityEphemeralKey)
	);
	bad.ephemeral_key = [0xffu8; 32];
	assert_eq!(
		verify_envelope(&sender, &c.accounts[0], 4, &bad),
		Err(SubmissionError::BadEphemeralKeyEncoding)
	);
	// The digest covers the commitments, E and every ciphertext.
	let digest = envelope_digest(&sender, &packages[0].commitments, e);
	let mut changed = e.clone();
	changed.ciphertexts[2][0] ^= 1;
	assert_ne!(envelope_digest(&sender, &packages[0].commitments, &changed), digest);
	assert_ne!(envelope_digest(&sender, &packages[1].commitments, e), digest);
}

fn subject<'a>(
	c: &'a Committee,
	sender: &'a SenderContext,
	recipient: u32,
	ephemeral: &'a EphemeralKey,
	packages: &'a [Round1Package],
	envelope: &'a Envelope,
) -> FrostComplaintSubject<'a> {
	FrostComplaintSubject {
		sender,
		recipient: idx(recipient),
		recipient_key: &c.keys[recipient as usize - 1],
		ephemeral_key: ephemeral,
		commitments: &packages[sender.sender.get() as usize - 1].commitments,
		ciphertext: &envelope.ciphertexts
			[envelope_slot(sender.sender, idx(recipient)).expect("another member")],
	}
}

#[test]
fn a_bad_share_is_proven_and_a_false_complaint_is_a_fault() {
	let c = Committee::new(4, 1, 5);
	let packages = c.round1();
	let mut envelopes = c.envelopes(&packages);
	// Member 2 sends member 4 a wrong share.
	envelopes[1] = seal_envelope_with_bad_share(&c.member(2), &packages, idx(4)).expect("envelope");
	let sender = SenderContext { attempt: c.ctx, sender: idx(2) };
	verify_envelope(&sender, &c.accounts[1], 4, &envelopes[1]).expect("it looks fine on chain");
	let mut rng = ChaCha20Rng::seed_from_u64(2);
	let outcome = finish_dkg(&c.member(4), &packages, &envelopes, &mut rng).expect("checks");
	let DkgOutcome::Complain { sender: culprit, complaint } = outcome else {
		panic!("member 4 must complain")
	};
	assert_eq!(culprit, idx(2));
	let ephemeral = EphemeralKey::from_bytes(&envelopes[1].ephemeral_key).expect("E");
	let s = subject(&c, &sender, 4, &ephemeral, &packages, &envelopes[1]);
	let (k, proof) = (complaint.shared_key.to_bytes(), complaint.proof.to_bytes());
	assert_eq!(
		judge_frost_complaint(&s, &k, &proof),
		Ok(ComplaintVerdict::InputDisqualified { reason: ShareError::CheckFailed })
	);
	// The others' shares from member 2 are fine: they make no complaint about it.
	for i in [1u32, 3] {
		let outcome = finish_dkg(&c.member(i), &packages, &envelopes, &mut rng).expect("checks");
		assert!(matches!(outcome, DkgOutcome::Key(_)));
	}
	// Member 3 complains falsely about member 1's good share: the chain finds the share good.
	let sender1 = SenderContext { attempt: c.ctx, sender: idx(1) };
	let e1 = EphemeralKey::from_bytes(&envelopes[0].ephemeral_key).expect("E");
	let false_complaint = complain(&c.secrets[2], &sender1, idx(3), &e1, &mut rng);
	let s = subject(&c, &sender1, 3, &e1, &packages, &envelopes[0]);
	let (k, proof) = (false_complaint.shared_key.to_bytes(), false_complaint.proof.to_bytes());
	assert_eq!(judge_frost_complaint(&s, &k, &proof), Ok(ComplaintVerdict::WorkerAtFault));
	// A complaint whose proof is for another member, or tampered, has no verdict.
	let s2 = subject(&c, &sender1, 2, &e1, &packages, &envelopes[0]);
	assert_eq!(judge_frost_complaint(&s2, &k, &proof), Err(ComplaintError::InvalidProof));
	let mut tampered = proof;
	tampered[5] ^= 1;
	assert!(judge_frost_complaint(&s, &k, &tampered).is_err());
	// A ciphertext that does not decrypt is a bad share too.
	let mut garbled = envelopes[0].clone();
	garbled.ciphertexts[1][3] ^= 1;
	let s = subject(&c, &sender1, 3, &e1, &packages, &garbled);
	assert_eq!(
		judge_frost_complaint(&s, &k, &proof),
		Ok(ComplaintVerdict::InputDisqualified { reason: ShareError::DecryptionFailed })
	);
}

#[test]
fn a_bad_signature_share_is_caught_and_the_rest_still_sign() {
	let c = Committee::new(5, 2, 11);
	let packages = c.round1();
	let envelopes = c.envelopes(&packages);
	let keys = c.keys_of(&packages, &envelopes);
	let group = FrostGroup::from_round1(2, &packages).expect("key");
	let mut rng = ChaCha20Rng::seed_from_u64(3);
	let signers = [1u32, 2, 3];
	let mut nonces = Vec::new();
	let mut commitments = Vec::new();
	for &i in &signers {
		let (n, cm) = commit(&keys[i as usize - 1], &mut rng).expect("commit");
		nonces.push(n);
		commitments.push((idx(i), cm));
	}
	let message = b"pay 5";
	let package = signing_package(message, &commitments).expect("package");
	let z1 = sign(&package, nonces[0].clone(), &keys[0]).expect("share");
	// A share from the wrong member, a changed share, or a share over another message fails.
	assert_eq!(group.verify_share(&package, idx(2), &z1), Err(Error::InvalidProof));
	let mut wrong = z1;
	wrong[0] ^= 1;
	assert!(group.verify_share(&package, idx(1), &wrong).is_err());
	let other = signing_package(b"pay 500", &commitments).expect("package");
	assert_eq!(group.verify_share(&other, idx(1), &z1), Err(Error::InvalidProof));
	assert_eq!(group.verify_share(&package, idx(1), &z1), Ok(()));
	// An aggregate with a bad share is refused, never an invalid signature.
	let z2 = sign(&package, nonces[1].clone(), &keys[1]).expect("share");
	let z3 = sign(&package, nonces[2].clone(), &keys[2]).expect("share");
	assert!(group.aggregate(&package, &[(idx(1), wrong), (idx(2), z2), (idx(3), z3)]).is_err());
	let signature =
		group.aggregate(&package, &[(idx(1), z1), (idx(2), z2), (idx(3), z3)]).expect("signature");
	assert!(ed25519_verifies(&group.group_key(), message, &signature));
	// Without member 1: the others sign in a new attempt with fresh nonces.
	let signature = sign_with(&group, &keys, &[2, 4, 5], message, 9);
	assert!(ed25519_verifies(&group.group_key(), message, &signature));
	// A signer named twice is refused, in the package and in the aggregate.
	let twice = [commitments[0], commitments[0], commitments[1]];
	assert_eq!(signing_package(message, &twice).map(|_| ()), Err(Error::InvalidIndex));
	assert_eq!(
		group.aggregate(&package, &[(idx(1), z1), (idx(1), z1), (idx(2), z2)]),
		Err(Error::InvalidIndex)
	);
	// Signing commitments must be valid points.
	let mut bad = commitments[0].1;
	bad.hiding = [0u8; 32];
	bad.hiding[0] = 1; // the identity
	assert_eq!(verify_signing_commitment(&bad), Err(Error::IdentityPoint));
}

#[test]
fn fewer_than_t_plus_one_cannot_sign() {
	let c = Committee::new(4, 2, 21);
	let packages = c.round1();
	let envelopes = c.envelopes(&packages);
	let keys = c.keys_of(&packages, &envelopes);
	let mut rng = ChaCha20Rng::seed_from_u64(4);
	let (n1, c1) = commit(&keys[0], &mut rng).expect("commit");
	let (_, c2) = commit(&keys[1], &mut rng).expect("commit");
	let package = signing_package(b"m", &[(idx(1), c1), (idx(2), c2)]).expect("package");
	assert!(sign(&package, n1, &keys[0]).is_err());
}

#[test]
fn a_member_never_reuses_its_polynomial_in_another_shape() {
	// Same worker, same key and attempt, but another index, size, threshold or member list
	// (what a fork can bring): an unrelated polynomial each time, never one polynomial under
	// two challenges.
	let c = Committee::new(4, 1, 31);
	let base = round1(&c.member(2)).expect("round 1");
	let mut others = Vec::new();
	let moved = Member { shape: MemberShape { index: idx(3), ..c.shape(2) }, ..c.member(2) };
	// Member 2's key placed third in another list.
	let mut keys = c.keys.clone();
	keys.swap(1, 2);
	others.push(round1(&Member { keys: &keys, ..moved }).expect("round 1"));
	let bigger = Committee::new(5, 1, 31);
	others.push(round1(&bigger.member(2)).expect("round 1"));
	others.push(
		round1(&Member { shape: MemberShape { t: 2, ..c.shape(2) }, ..c.member(2) })
			.expect("round 1"),
	);
	let mut keys = c.keys.clone();
	keys[3] = *c.secrets[0].public_key();
	others.push(round1(&Member { keys: &keys, ..c.member(2) }).expect("round 1"));
	for other in &others {
		assert_ne!(other.commitments[0], base.commitments[0]);
		assert_ne!(other.proof[..32], base.proof[..32]);
	}
	// The stored key must be the member's own.
	let mut wrong = c.keys.clone();
	wrong[1] = c.keys[0];
	assert_eq!(
		round1(&Member { keys: &wrong, ..c.member(2) }).map(|_| ()),
		Err(Error::InvalidIndex)
	);
}

#[test]
fn a_member_refuses_a_chain_copy_of_its_package_that_is_not_its_own() {
	let c = Committee::new(3, 1, 41);
	let mut packages = c.round1();
	let envelopes = c.envelopes(&packages);
	packages[0] = round1(&Committee::new(3, 1, 42).member(1)).expect("another package");
	let mut rng = ChaCha20Rng::seed_from_u64(5);
	assert!(finish_dkg(&c.member(1), &packages, &envelopes, &mut rng).is_err());
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(6))]
	#[test]
	fn any_committee_signs_verifiable_signatures(n in 2u32..7, t_frac in 0u32..100, seed: u8, message: Vec<u8>) {
		let t = 1 + t_frac % (n - 1);
		let c = Committee::new(n, t, seed);
		let packages = c.round1();
		let envelopes = c.envelopes(&packages);
		let keys = c.keys_of(&packages, &envelopes);
		let group = FrostGroup::from_round1(t, &packages).expect("key");
		let signers: Vec<u32> = (1..=n).rev().take(t as usize + 1).collect();
		let signature = sign_with(&group, &keys, &signers, &message, u64::from(seed));
		prop_assert!(ed25519_verifies(&group.group_key(), &message, &signature));
	}
}

#[test]
fn a_key_committee_seed_is_its_own_hash_and_never_a_jobs() {
	use sha2::{Digest, Sha512};
	let rho = [9u8; 32];
	let mut h = Sha512::new();
	h.update(b"substrate-mpc/v1/frost/committee");
	h.update(rho);
	h.update(5u64.to_le_bytes());
	let expected: [u8; 32] = h.finalize()[..32].try_into().expect("32 bytes");
	assert_eq!(key_committee_seed(&rho, 5), expected);
	assert_ne!(key_committee_seed(&rho, 5), crate::committee_seed(&rho, 5));
	assert_ne!(key_committee_seed(&rho, 5), key_committee_seed(&rho, 6));
}

#[test]
fn attempts_and_signing_packages_are_named_by_their_digests() {
	use sha2::{Digest, Sha512};
	let ctx = AttemptContext { genesis: [1u8; 32], key: 7, attempt: 2 };
	let c = Committee::new(3, 1, 4);
	let members: Vec<(AccountBytes, EncryptionKey)> =
		c.accounts.iter().copied().zip(c.keys.iter().copied()).collect();
	let mut h = Sha512::new();
	h.update(b"substrate-mpc/v1/frost/attempt");
	h.update([1u8; 32]);
	h.update(7u64.to_le_bytes());
	h.update(2u32.to_le_bytes());
	h.update(1u32.to_le_bytes());
	h.update(3u32.to_le_bytes());
	for (w, e) in &members {
		h.update(w);
		h.update(e.as_bytes());
	}
	let expected: [u8; 32] = h.finalize()[..32].try_into().expect("32");
	assert_eq!(attempt_digest(&ctx, 1, &members), expected);
	assert_ne!(attempt_digest(&ctx, 2, &members), expected, "another threshold");
	assert_ne!(attempt_digest(&ctx, 1, &members[..2]), expected, "other members");

	let d = |b: u8| SigningCommitment { hiding: [b; 32], binding: [b + 1; 32] };
	let signers = [(idx(3), d(3)), (idx(1), d(1))];
	let mut h = Sha512::new();
	h.update(b"substrate-mpc/v1/frost/package");
	h.update([1u8; 32]);
	h.update(7u64.to_le_bytes());
	h.update(9u64.to_le_bytes());
	h.update(0u32.to_le_bytes());
	h.update(2u32.to_le_bytes());
	h.update(b"hi");
	for (i, c) in [(1u32, d(1)), (3, d(3))] {
		h.update(i.to_le_bytes());
		h.update(c.hiding);
		h.update(c.binding);
	}
	let expected: [u8; 32] = h.finalize()[..32].try_into().expect("32");
	assert_eq!(package_digest(&[1u8; 32], 7, 9, 0, b"hi", &signers), expected);
	let swapped = [(idx(1), d(1)), (idx(3), d(3))];
	assert_eq!(package_digest(&[1u8; 32], 7, 9, 0, b"hi", &swapped), expected, "order-free");
	assert_ne!(package_digest(&[1u8; 32], 7, 9, 1, b"hi", &signers), expected, "attempt");
	assert_ne!(package_digest(&[1u8; 32], 8, 9, 0, b"hi", &signers), expected, "key");
	assert_ne!(package_digest(&[1u8; 32], 7, 9, 0, b"ho", &signers), expected, "message");

	let hs = [[4u8; 32], [5u8; 32]];
	let mut h = Sha512::new();
	h.update(b"substrate-mpc/v1/frost/confirm");
	h.update([1u8; 32]);
	h.update(7u64.to_le_bytes());
	h.update(2u32.to_le_bytes());
	h.update(2u32.to_le_bytes());
	h.update([4u8; 32]);
	h.update([5u8; 32]);
	let expected: [u8; 32] = h.finalize()[..32].try_into().expect("32");
	assert_eq!(confirm_digest(&ctx, &hs), expected);
	assert_ne!(confirm_digest(&ctx, &[hs[1], hs[0]]), expected, "order matters");
	assert_ne!(confirm_digest(&ctx, &hs[..1]), expected, "every envelope");
}

#[test]
fn a_member_does_not_seal_over_a_chain_copy_of_its_package_that_is_not_its_own() {
	let c = Committee::new(3, 1, 6);
	let mut packages = c.round1();
	assert!(seal_envelope(&c.member(2), &packages).is_ok());
	// Another branch's package of member 2 (another polynomial) on this chain.
	let other = Committee::new(3, 1, 7).round1();
	packages[1] = other[1].clone();
	assert_eq!(seal_envelope(&c.member(2), &packages), Err(Error::WrongCommitmentCount));
}
