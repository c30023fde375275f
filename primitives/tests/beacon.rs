//! Property tests of the committee key and the randomness beacon (PROTOCOL.md section 11):
//! random committees run the DKG and rounds; any `t_B + 1` shares give the same output; every
//! kind of tampering with a dealing, a complaint, a round share or an output is caught.

use mpc_primitives::testing::corrupt_key_share;
use mpc_primitives::{
	combine_round, deal_key, draw_committee, judge_key_complaint, verify_key_dealing, verify_round,
	verify_round_share, AcceptedKeyDealing, CommitteeShape, ComplaintVerdict, DealerContext,
	EncryptionKey, EpochContext, GroupKey, KeyComplaintSubject, KeyDealing, KeyShare,
	ParticipantIndex, Point, RoundContext, RoundShare, Scalar, ShareError, SubmissionError,
	WorkerSecret,
};
use proptest::prelude::*;
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

const GENESIS: [u8; 32] = [9u8; 32];

fn idx(i: usize) -> ParticipantIndex {
	ParticipantIndex::new(i as u32 + 1).expect("non-zero")
}

fn account(i: usize) -> [u8; 32] {
	let mut a = [0u8; 32];
	a[..8].copy_from_slice(&(i as u64 + 100).to_le_bytes());
	a
}

fn dealer(epoch: &EpochContext, j: usize) -> DealerContext {
	DealerContext { epoch: *epoch, dealer: idx(j) }
}

struct Committee {
	rng: ChaCha20Rng,
	epoch: EpochContext,
	shape: CommitteeShape,
	secrets: Vec<WorkerSecret>,
	keys: Vec<EncryptionKey>,
	dealings: Vec<KeyDealing>,
}

fn committee(seed: u64, n: u32, epoch: u64) -> Committee {
	let mut rng = ChaCha20Rng::seed_from_u64(seed);
	let secrets: Vec<WorkerSecret> = (0..n).map(|_| WorkerSecret::random(&mut rng)).collect();
	let keys: Vec<EncryptionKey> = secrets.iter().map(|s| *s.public_key()).collect();
	let epoch = EpochContext { genesis: GENESIS, epoch };
	let dealings = (0..n as usize)
		.map(|j| deal_key(&dealer(&epoch, j), &account(j), &keys, &mut rng).expect("deal"))
		.collect();
	Committee {
		rng,
		epoch,
		shape: CommitteeShape::new(n).expect("n >= 3"),
		secrets,
		keys,
		dealings,
	}
}

impl Committee {
	fn accept(&self, j: usize) -> Result<AcceptedKeyDealing, SubmissionError> {
		verify_key_dealing(
			&dealer(&self.epoch, j),
			&account(j),
			self.shape,
			self.dealings[j].as_parts(),
			|_| false,
		)
	}

	/// Every member's key share from the dealings `qualified`, and the group key.
	fn keys_from(&self, qualified: &[usize]) -> (GroupKey, Vec<KeyShare>) {
		let accepted: Vec<AcceptedKeyDealing> =
			qualified.iter().map(|&j| self.accept(j).expect("honest dealing accepted")).collect();
		let key = GroupKey::combine(self.shape, accepted.iter().map(|a| &a.commitments[..]))
			.expect("enough dealings");
		let shares = self
			.secrets
			.iter()
			.enumerate()
			.map(|(i, secret)| {
				let opened: Vec<Scalar> = qualified
					.iter()
					.zip(&accepted)
					.map(|(&j, a)| {
						*secret
							.open_key_share(
								&dealer(&self.epoch, j),
								idx(i),
								&a.ephemeral_key,
								&self.dealings[j].ciphertexts[i],
								&a.commitments,
							)
							.expect("honest share checks")
					})
					.collect();
				KeyShare::from_shares(idx(i), &opened)
			})
			.collect();
		(key, shares)
	}
}

/// Round `round` of `epoch`, opened on a branch named by `seed`.
fn rc(epoch: &EpochContext, round: u64, seed: u8) -> RoundContext {
	RoundContext { epoch: *epoch, round, seed: [seed; 32] }
}

/// `t_B + 1` distinct members out of `n`, chosen by `seed`.
fn subset(n: usize, t: usize, seed: u64) -> Vec<usize> {
	let mut all: Vec<usize> = (0..n).collect();
	let mut rng = ChaCha20Rng::seed_from_u64(seed);
	for k in 0..all.len() {
		let pick = k + (rand_core::RngCore::next_u64(&mut rng) as usize) % (all.len() - k);
		all.swap(k, pick);
	}
	all.truncate(t + 1);
	all
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(12))]

	#[test]
	fn any_t_plus_one_shares_give_the_same_round_output(
		n in 3u32..=7,
		seed in any::<u64>(),
		round in any::<u64>(),
		first in any::<u64>(),
		second in any::<u64>(),
	) {
		let mut c = committee(seed, n, 3);
		let all: Vec<usize> = (0..n as usize).collect();
		let (key, shares) = c.keys_from(&all);
		for (i, share) in shares.iter().enumerate() {
			prop_assert_eq!(*share.public_share(), key.public_share(idx(i)));
		}
		let ctx = rc(&c.epoch, round, 1);
		let posted: Vec<(ParticipantIndex, RoundShare)> = shares
			.iter()
			.map(|s| (s.index(), s.round_share(&ctx, &mut c.rng)))
			.collect();
		for (i, share) in &posted {
			prop_assert!(verify_round_share(&ctx, *i, &key.public_share(*i), share).is_ok());
		}
		let t = c.shape.t() as usize;
		let pick = |s: u64| subset(n as usize, t, s).into_iter().map(|m| posted[m]).collect::<Vec<_>>();
		let a = verify_round(&ctx, &key, &pick(first)).expect("round verifies");
		let b = verify_round(&ctx, &key, &pick(second)).expect("round verifies");
		prop_assert_eq!(a, b);
		// Combining the checked shares directly gives the same.
		let lagrange: Vec<(ParticipantIndex, Point)> = pick(first)
			.iter()
			.map(|(i, s)| (*i, Point::from_bytes(&s.point).expect("valid Y_i")))
			.collect();
		prop_assert_eq!(combine_round(&ctx, &lagrange).expect("combine"), a);
		// The next round, or the same round opened on another branch (another seed), gives
		// another output.
		for other_ctx in [rc(&c.epoch, round.wrapping_add(1), 1), rc(&c.epoch, round, 2)] {
			let next: Vec<(ParticipantIndex, RoundShare)> = pick(first)
				.iter()
				.map(|(i, _)| (*i, shares[i.get() as usize - 1].round_share(&other_ctx, &mut c.rng)))
				.collect();
			let other = verify_round(&other_ctx, &key, &next).expect("another round");
			prop_assert_ne!(other.value, a.value);
		}
	}

	#[test]
	fn wrong_round_shares_and_outputs_are_refused(
		n in 3u32..=6,
		seed in any::<u64>(),
		round in any::<u64>(),
		victim in any::<prop::sample::Index>(),
		byte in 0usize..96,
	) {
		let mut c = committee(seed, n, 1);
		let all: Vec<usize> = (0..n as usize).collect();
		let (key, shares) = c.keys_from(&all);
		let v = victim.index(n as usize);
		let i = idx(v);
		let ctx = rc(&c.epoch, round, 3);
		let good = shares[v].round_share(&ctx, &mut c.rng);
		let x_i = key.public_share(i);
		prop_assert!(verify_round_share(&ctx, i, &x_i, &good).is_ok());
		// Any flipped byte of Y_i or of the proof.
		let mut bad = good;
		if byte < 32 { bad.point[byte] ^= 1 } else { bad.proof[byte - 32] ^= 1 }
		prop_assert!(verify_round_share(&ctx, i, &x_i, &bad).is_err());
		// The right share for another round, seed, index, epoch or public share.
		prop_assert!(verify_round_share(&rc(&c.epoch, round.wrapping_add(1), 3), i, &x_i, &good).is_err());
		prop_assert!(verify_round_share(&rc(&c.epoch, round, 4), i, &x_i, &good).is_err());
		let other = idx((v + 1) % n as usize);
		prop_assert!(verify_round_share(&ctx, other, &x_i, &good).is_err());
		prop_assert!(verify_round_share(&ctx, i, &key.public_share(other), &good).is_err());
		let later = EpochContext { genesis: GENESIS, epoch: 2 };
		prop_assert!(verify_round_share(&rc(&later, round, 3), i, &x_i, &good).is_err());
		// A member's Y_i for another base (its share of another round) under a valid-looking
		// proof cannot slip into a round: verify_round refuses the set.
		let t = c.shape.t() as usize;
		let mut set: Vec<(ParticipantIndex, RoundShare)> =
			(0..=t).map(|m| (idx(m), shares[m].round_share(&ctx, &mut c.rng))).collect();
		let honest = verify_round(&ctx, &key, &set).expect("honest round");
		let mut other_round = set.clone();
		other_round[0].1 = shares[0].round_share(&rc(&c.epoch, round.wrapping_add(7), 3), &mut c.rng);
		prop_assert!(verify_round(&ctx, &key, &other_round).is_err());
		// Too few, too many, or a repeated index.
		prop_assert!(verify_round(&ctx, &key, &set[..t]).is_err());
		let mut more = set.clone();
		more.push((idx(t + 1), shares[t + 1].round_share(&ctx, &mut c.rng)));
		prop_assert!(verify_round(&ctx, &key, &more).is_err());
		let mut repeated = set.clone();
		repeated[0] = repeated[1];
		prop_assert!(verify_round(&ctx, &key, &repeated).is_err());
		// Another group key (another epoch's commitments) does not verify the honest shares.
		let other_key = committee(seed ^ 0x55, n, 1).keys_from(&all).0;
		prop_assert!(verify_round(&ctx, &other_key, &set).is_err());
		// A share replaced by a valid-looking one of another member is refused.
		set[0].1 = set[1].1;
		prop_assert!(verify_round(&ctx, &key, &set).is_err());
		prop_assert_eq!(honest.value.len(), 32);
	}

	#[test]
	fn tampered_dealings_are_rejected(
		n in 3u32..=6,
		seed in any::<u64>(),
		which in any::<prop::sample::Index>(),
		byte in any::<prop::sample::Index>(),
	) {
		let c = committee(seed, n, 5);
		let j = which.index(n as usize);
		prop_assert!(c.accept(j).is_ok());
		let ctx = dealer(&c.epoch, j);
		let check = |d: &KeyDealing, ctx: &DealerContext, who: &[u8; 32]| {
			verify_key_dealing(ctx, who, c.shape, d.as_parts(), |_| false)
		};
		// Another account, dealer index or epoch: the proof is bound to each.
		prop_assert_eq!(check(&c.dealings[j], &ctx, &account(j + 1)), Err(SubmissionError::BadProof));
		let other = dealer(&c.epoch, (j + 1) % n as usize);
		prop_assert_eq!(check(&c.dealings[j], &other, &account(j)), Err(SubmissionError::BadProof));
		let later = DealerContext { epoch: EpochContext { genesis: GENESIS, epoch: 6 }, dealer: ctx.dealer };
		prop_assert_eq!(check(&c.dealings[j], &later, &account(j)), Err(SubmissionError::BadProof));
		// A flipped bit of R, of the proof or of a commitment.
		let mut d = c.dealings[j].clone();
		d.proof[byte.index(96)] ^= 1;
		prop_assert!(check(&d, &ctx, &account(j)).is_err());
		let mut d = c.dealings[j].clone();
		d.ephemeral_key[byte.index(32)] ^= 1;
		prop_assert!(check(&d, &ctx, &account(j)).is_err());
		let mut d = c.dealings[j].clone();
		let k = byte.index(d.commitments.len());
		d.commitments[k][byte.index(32)] ^= 1;
		prop_assert!(check(&d, &ctx, &account(j)).is_err());
		// Wrong counts, and a repeated R.
		let mut d = c.dealings[j].clone();
		d.commitments.pop();
		prop_assert_eq!(check(&d, &ctx, &account(j)), Err(SubmissionError::WrongCommitmentCount));
		let mut d = c.dealings[j].clone();
		d.ciphertexts.pop();
		prop_assert_eq!(check(&d, &ctx, &account(j)), Err(SubmissionError::WrongCiphertextCount));
		prop_assert_eq!(
			verify_key_dealing(&ctx, &account(j), c.shape, c.dealings[j].as_parts(), |_| true),
			Err(SubmissionError::RepeatedEphemeralKey)
		);
	}

	#[test]
	fn complaints_disqualify_bad_dealers_and_fault_false_accusers(
		n in 3u32..=6,
		seed in any::<u64>(),
		bad_dealer in any::<prop::sample::Index>(),
		victim in any::<prop::sample::Index>(),
		delta in 1u64..,
	) {
		let mut c = committee(seed, n, 8);
		let j = bad_dealer.index(n as usize);
		let v = victim.index(n as usize);
		let ctx = dealer(&c.epoch, j);
		let mut dealing = c.dealings[j].clone();
		corrupt_key_share(&c.secrets[v], &ctx, idx(v), &mut dealing, Scalar::from(delta));
		c.dealings[j] = dealing;
		// The proof does not cover the ciphertexts: the chain accepts the dealing.
		let accepted = c.accept(j).expect("a dealing with one bad share is well formed");
		let opened = c.secrets[v].open_key_share(
			&ctx, idx(v), &accepted.ephemeral_key, &c.dealings[j].ciphertexts[v], &accepted.commitments,
		);
		prop_assert_eq!(opened.err(), Some(ShareError::CheckFailed));
		let judge = |i: usize, complaint: &mpc_primitives::Complaint| {
			judge_key_complaint(
				&KeyComplaintSubject {
					dealer: &ctx,
					index: idx(i),
					member_key: &c.keys[i],
					ephemeral_key: &accepted.ephemeral_key,
					commitments: &accepted.commitments,
					ciphertext: &c.dealings[j].ciphertexts[i],
				},
				&complaint.shared_key.to_bytes(),
				&complaint.proof.to_bytes(),
			)
		};
		let mut rng = ChaCha20Rng::seed_from_u64(seed ^ 1);
		let complaint = c.secrets[v].complain_key_dealing(&ctx, idx(v), &accepted.ephemeral_key, &mut rng);
		prop_assert_eq!(
			judge(v, &complaint),
			Ok(ComplaintVerdict::InputDisqualified { reason: ShareError::CheckFailed })
		);
		// Another member's complaint about its good share is false.
		let w = (v + 1) % n as usize;
		let false_complaint = c.secrets[w].complain_key_dealing(&ctx, idx(w), &accepted.ephemeral_key, &mut rng);
		prop_assert_eq!(judge(w, &false_complaint), Ok(ComplaintVerdict::WorkerAtFault));
		// A complaint presented as another member's, or with a tampered K, does not verify.
		prop_assert!(judge(w, &complaint).is_err());
		let mut forged = complaint;
		forged.shared_key = false_complaint.shared_key;
		prop_assert!(judge(v, &forged).is_err());
		// Without the bad dealer, the rest still make a key whose shares match.
		let rest: Vec<usize> = (0..n as usize).filter(|&m| m != j).collect();
		if rest.len() > c.shape.t() as usize {
			let (key, shares) = c.keys_from(&rest);
			for (i, share) in shares.iter().enumerate() {
				prop_assert_eq!(*share.public_share(), key.public_share(idx(i)));
			}
		}
	}
}

#[test]
fn committee_shapes_tolerate_the_most_faults_that_leave_t_plus_one_honest() {
	assert!(CommitteeShape::new(2).is_err());
	for (n, t) in [(3, 1), (4, 1), (5, 2), (6, 2), (7, 3), (32, 15)] {
		let shape = CommitteeShape::new(n).expect("valid");
		assert_eq!(shape.t(), t, "n = {n}");
		assert!(n > 2 * shape.t(), "the honest rest of {n} can finish alone");
		assert!(n < 2 * (shape.t() + 1) + 1, "t is as large as {n} allows");
	}
}

#[test]
fn too_few_qualified_dealings_make_no_key() {
	let c = committee(1, 5, 0);
	let accepted: Vec<AcceptedKeyDealing> = (0..2).map(|j| c.accept(j).expect("honest")).collect();
	// t_B = 2 needs three dealings.
	assert!(GroupKey::combine(c.shape, accepted.iter().map(|a| &a.commitments[..])).is_err());
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(64))]

	/// A draw keeps distinct eligible candidates, exactly `n` when enough are eligible, and
	/// is the same for the same seed: anyone can recompute a committee.
	#[test]
	fn draws_keep_n_distinct_eligible_candidates(
		seed in any::<[u8; 32]>(),
		candidates in 0usize..40,
		n in 1usize..20,
		ineligible in proptest::collection::btree_set(0usize..40, 0..10),
	) {
		let eligible = |c: usize| !ineligible.contains(&c);
		let mut asked = Vec::new();
		let drawn = draw_committee(&seed, candidates, n, |c| {
			asked.push(c);
			eligible(c)
		});
		let mut unique = drawn.clone();
		unique.sort_unstable();
		unique.dedup();
		prop_assert_eq!(unique.len(), drawn.len(), "no candidate twice");
		prop_assert!(drawn.iter().all(|&c| c < candidates && eligible(c)));
		let available = (0..candidates).filter(|&c| eligible(c)).count();
		prop_assert_eq!(drawn.len(), n.min(available));
		let mut each_once = asked.clone();
		each_once.sort_unstable();
		each_once.dedup();
		prop_assert_eq!(each_once.len(), asked.len(), "each candidate asked once");
		prop_assert_eq!(draw_committee(&seed, candidates, n, eligible), drawn);
	}

	/// Ineligible candidates only make room: the eligible ones keep their order, and a draw of
	/// all candidates is a permutation.
	#[test]
	fn skipping_a_candidate_keeps_the_others_order(
		seed in any::<[u8; 32]>(),
		candidates in 1usize..30,
		skip in 0usize..30,
	) {
		let all = draw_committee(&seed, candidates, candidates, |_| true);
		let mut sorted = all.clone();
		sorted.sort_unstable();
		prop_assert_eq!(sorted, (0..candidates).collect::<Vec<_>>());
		let without = draw_committee(&seed, candidates, candidates, |c| c != skip);
		let expected: Vec<usize> = all.iter().copied().filter(|&c| c != skip).collect();
		prop_assert_eq!(without, expected);
	}
}

/// Every candidate is about equally likely to be drawn: over many seeds, each of 10 candidates
/// sits in a committee of 3 close to 30% of the time.
#[test]
fn draws_are_close_to_uniform() {
	let (candidates, n, trials) = (10usize, 3usize, 6000u32);
	let mut seats = vec![0u32; candidates];
	for trial in 0..trials {
		let mut seed = [0u8; 32];
		seed[..4].copy_from_slice(&trial.to_le_bytes());
		for c in draw_committee(&seed, candidates, n, |_| true) {
			seats[c] += 1;
		}
	}
	let expected = f64::from(trials) * n as f64 / candidates as f64;
	for (c, &s) in seats.iter().enumerate() {
		// 1800 expected, standard deviation about 35: 5 sigma either way.
		assert!((f64::from(s) - expected).abs() < 180.0, "candidate {c}: {s} seats of {expected}");
	}
}
