//! Property tests of the public API: random committees, thresholds, dimensions and values
//! round-trip through dealing, checking, aggregation and reconstruction; every kind of
//! tampering is rejected; a batch with one bad input names exactly that input.

use mpc_primitives::testing::corrupt_share;
use mpc_primitives::{
	batch_verify_shares, deal, judge_complaint, reconstruct, verify_output, verify_possession,
	verify_submission, AcceptedSubmission, Commitment, ComplaintSubject, ComplaintVerdict,
	EncryptionKey, EphemeralKey, InputContext, JobShape, ParticipantIndex, Point, ResultShare,
	Scalar, Share, ShareError, Submission, SubmissionError, WorkerSecret,
};
use proptest::prelude::*;
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

const GENESIS: [u8; 32] = [7u8; 32];

struct Setup {
	rng: ChaCha20Rng,
	secrets: Vec<WorkerSecret>,
	keys: Vec<EncryptionKey>,
	shape: JobShape,
}

fn setup(seed: u64, n: u32, t: u32, d: u32) -> Setup {
	let mut rng = ChaCha20Rng::seed_from_u64(seed);
	let secrets: Vec<WorkerSecret> = (0..n).map(|_| WorkerSecret::random(&mut rng)).collect();
	let keys = secrets.iter().map(|s| *s.public_key()).collect();
	Setup { rng, secrets, keys, shape: JobShape::new(n, t, d).expect("valid shape") }
}

fn provider(k: usize) -> [u8; 32] {
	let mut p = [0u8; 32];
	p[..8].copy_from_slice(&(k as u64 + 1).to_le_bytes());
	p
}

fn ctx(job_id: u64, k: usize) -> InputContext {
	InputContext::new(GENESIS, job_id, provider(k))
}

fn accept(ctx: &InputContext, shape: JobShape, s: &Submission) -> AcceptedSubmission {
	verify_submission(ctx, shape, s.as_parts(), |_| false).expect("honest submission accepted")
}

fn idx(i: usize) -> ParticipantIndex {
	ParticipantIndex::new(i as u32 + 1).expect("non-zero")
}

/// (n, t, d) with 1 <= t < n <= 7 and 1 <= d <= 3.
fn shapes() -> impl Strategy<Value = (u32, u32, u32)> {
	(2u32..=7).prop_flat_map(|n| (Just(n), 1..n, 1u32..=3))
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(24))]

	#[test]
	fn sums_of_dealt_inputs_reconstruct_from_any_t_plus_one_workers(
		(n, t, d) in shapes(),
		inputs in prop::collection::vec(prop::collection::vec(-(1i128 << 100)..(1i128 << 100), 3), 1..4),
		seed in any::<u64>(),
		subset_seed in any::<u64>(),
	) {
		let mut s = setup(seed, n, t, d);
		let d = d as usize;
		let mut accepted = Vec::new();
		for (k, values) in inputs.iter().enumerate() {
			let c = ctx(1, k);
			let submission = deal(&c, &s.keys, t, &values[..d], &mut s.rng).expect("deal");
			accepted.push((c, accept(&c, s.shape, &submission), submission));
		}
		let aggregate = mpc_primitives::pedersen::sum_commitments(
			t as usize + 1,
			accepted.iter().map(|(_, a, _)| &a.commitments[..]),
		).expect("same sizes");

		let mut result_shares = Vec::new();
		for (w, secret) in s.secrets.iter().enumerate() {
			let shares: Vec<Share> = accepted
				.iter()
				.map(|(c, a, sub)| {
					secret
						.open_and_check_share(c, idx(w), &a.ephemeral_key, &sub.ciphertexts[w], &a.commitments, d)
						.expect("honest share checks")
				})
				.collect();
			let items: Vec<(&Share, &[Commitment])> =
				shares.iter().zip(&accepted).map(|(sh, (_, a, _))| (sh, &a.commitments[..])).collect();
			prop_assert_eq!(batch_verify_shares(&s.shape, idx(w), &items, &mut s.rng), Ok(()));
			let rs = ResultShare::aggregate(d, &shares).expect("aggregate");
			prop_assert!(rs.verify(&s.shape, idx(w), &aggregate));
			result_shares.push((idx(w), rs));
		}

		// A pseudo-random subset of t + 1 workers.
		let mut order: Vec<usize> = (0..n as usize).collect();
		let mut x = subset_seed;
		for i in (1..order.len()).rev() {
			x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
			order.swap(i, (x >> 33) as usize % (i + 1));
		}
		let chosen: Vec<(ParticipantIndex, ResultShare)> =
			order[..t as usize + 1].iter().map(|&w| result_shares[w].clone()).collect();
		let output = verify_output(&s.shape, &aggregate, &chosen).expect("record verifies");
		for (l, value) in output.decode().iter().enumerate() {
			let expected: i128 = inputs.iter().map(|v| v[l]).sum();
			prop_assert_eq!(value.to_i128(), Some(expected));
		}

		// t shares are not enough, and t of them with one reused is not t + 1 shares.
		let fewer: Vec<_> = chosen[..t as usize].iter().map(|(i, r)| (*i, r)).collect();
		prop_assert_eq!(reconstruct(&s.shape, &fewer).err(), Some(mpc_primitives::Error::NotEnoughShares));
		let mut repeated = fewer.clone();
		repeated.push(fewer[0]);
		prop_assert!(reconstruct(&s.shape, &repeated).is_err());
		let mut forged = chosen.clone();
		forged[0].1.blinding += Scalar::ONE;
		prop_assert_eq!(
			verify_output(&s.shape, &aggregate, &forged).err(),
			Some(mpc_primitives::Error::InvalidResultShare { index: forged[0].0.get() })
		);
	}

	#[test]
	fn tampered_ciphertexts_are_detected_and_complaints_disqualify(
		(n, t, d) in shapes(),
		value in any::<i128>(),
		seed in any::<u64>(),
		worker in any::<prop::sample::Index>(),
		bit in any::<prop::sample::Index>(),
	) {
		let mut s = setup(seed, n, t, d);
		let d = d as usize;
		let c = ctx(3, 0);
		let mut submission = deal(&c, &s.keys, t, &vec![value; d], &mut s.rng).expect("deal");
		let w = worker.index(n as usize);
		let ct = &mut submission.ciphertexts[w];
		let b = bit.index(ct.len() * 8);
		ct[b / 8] ^= 1 << (b % 8);
		// The length is unchanged, so the chain accepts it: only the worker can tell.
		let a = accept(&c, s.shape, &submission);
		let opened = s.secrets[w].open_share(&c, idx(w), &a.ephemeral_key, &submission.ciphertexts[w], d);
		prop_assert_eq!(opened.err(), Some(ShareError::DecryptionFailed));

		let complaint = s.secrets[w].complain(&c, idx(w), &a.ephemeral_key, &mut s.rng);
		let subject = ComplaintSubject {
			input: &c,
			index: idx(w),
			worker_key: &s.keys[w],
			ephemeral_key: &a.ephemeral_key,
			commitments: &a.commitments,
			ciphertext: &submission.ciphertexts[w],
			dimension: d,
		};
		let verdict = judge_complaint(&subject, complaint.shared_key.as_bytes(), &complaint.proof.to_bytes());
		prop_assert_eq!(verdict, Ok(ComplaintVerdict::InputDisqualified { reason: ShareError::DecryptionFailed }));

		// An honest worker's complaint about its good share is a fault, and a complaint
		// made by one worker is not accepted as another's.
		let other = (w + 1) % n as usize;
		let false_complaint = s.secrets[other].complain(&c, idx(other), &a.ephemeral_key, &mut s.rng);
		let subject = ComplaintSubject { index: idx(other), worker_key: &s.keys[other], ciphertext: &submission.ciphertexts[other], ..subject };
		prop_assert_eq!(
			judge_complaint(&subject, false_complaint.shared_key.as_bytes(), &false_complaint.proof.to_bytes()),
			Ok(ComplaintVerdict::WorkerAtFault)
		);
		prop_assert!(judge_complaint(&subject, complaint.shared_key.as_bytes(), &complaint.proof.to_bytes()).is_err());
	}

	#[test]
	fn a_wrong_share_fails_its_check_and_the_batch_names_it(
		(n, t, d) in shapes(),
		inputs in 2usize..12,
		seed in any::<u64>(),
		bad in any::<prop::sample::Index>(),
		worker in any::<prop::sample::Index>(),
		delta in 1u64..,
	) {
		let mut s = setup(seed, n, t, d);
		let d = d as usize;
		let w = worker.index(n as usize);
		let bad = bad.index(inputs);
		let mut shares = Vec::new();
		let mut commitment_sets = Vec::new();
		for k in 0..inputs {
			let c = ctx(5, k);
			let mut submission = deal(&c, &s.keys, t, &vec![k as i128; d], &mut s.rng).expect("deal");
			let a = accept(&c, s.shape, &submission);
			if k == bad {
				// Worker w's share with one component off by delta.
				corrupt_share(&s.secrets[w], &c, idx(w), &mut submission, d, Scalar::from(delta));
				let checked = s.secrets[w].open_and_check_share(&c, idx(w), &a.ephemeral_key, &submission.ciphertexts[w], &a.commitments, d);
				prop_assert_eq!(checked.err(), Some(ShareError::CheckFailed));
			}
			let share = s.secrets[w]
				.open_share(&c, idx(w), &a.ephemeral_key, &submission.ciphertexts[w], d)
				.expect("decrypts");
			shares.push(share);
			commitment_sets.push(a.commitments);
		}
		let items: Vec<(&Share, &[Commitment])> =
			shares.iter().zip(&commitment_sets).map(|(sh, c)| (sh, &c[..])).collect();
		prop_assert_eq!(batch_verify_shares(&s.shape, idx(w), &items, &mut s.rng), Err(vec![bad]));
	}

	#[test]
	fn tampered_submissions_are_rejected(
		(n, t, d) in shapes(),
		seed in any::<u64>(),
		byte in any::<prop::sample::Index>(),
		which in 0usize..4,
	) {
		let mut s = setup(seed, n, t, d);
		let c = ctx(9, 0);
		let mut submission = deal(&c, &s.keys, t, &vec![1; d as usize], &mut s.rng).expect("deal");
		match which {
			0 => {
				let b = byte.index(64);
				submission.proof[b] ^= 1;
			},
			1 => {
				// Another valid point as C_j: the proof no longer matches.
				let j = byte.index(submission.commitments.len());
				submission.commitments[j] = Point::from_bytes(&submission.ephemeral_key).expect("R").to_bytes();
			},
			2 => {
				// R swapped for another valid point.
				submission.ephemeral_key = *s.keys[0].as_bytes();
			},
			_ => {
				// The same submission from another account.
				let other = ctx(9, 1);
				prop_assert_eq!(
					verify_submission(&other, s.shape, submission.as_parts(), |_| false).err(),
					Some(SubmissionError::BadProof)
				);
				return Ok(());
			},
		}
		let verdict = verify_submission(&c, s.shape, submission.as_parts(), |_| false);
		prop_assert!(matches!(verdict, Err(SubmissionError::BadProof) | Err(SubmissionError::BadEphemeralKeyEncoding)), "{:?}", verdict);
	}

	#[test]
	fn repeated_r_and_wrong_sizes_are_rejected(
		(n, t, d) in shapes(),
		seed in any::<u64>(),
	) {
		let mut s = setup(seed, n, t, d);
		let c = ctx(11, 0);
		let submission = deal(&c, &s.keys, t, &vec![1; d as usize], &mut s.rng).expect("deal");
		let r = submission.ephemeral_key;
		prop_assert_eq!(
			verify_submission(&c, s.shape, submission.as_parts(), |seen: &EphemeralKey| seen.as_bytes() == &r).err(),
			Some(SubmissionError::RepeatedEphemeralKey)
		);
		let mut short = submission.clone();
		short.ciphertexts[n as usize - 1].pop();
		prop_assert_eq!(
			verify_submission(&c, s.shape, short.as_parts(), |_| false).err(),
			Some(SubmissionError::BadCiphertextLength { worker: idx(n as usize - 1) })
		);
		let mut fewer = submission.clone();
		fewer.commitments.pop();
		prop_assert_eq!(
			verify_submission(&c, s.shape, fewer.as_parts(), |_| false).err(),
			Some(SubmissionError::WrongCommitmentCount)
		);
		let mut more = submission.clone();
		more.ciphertexts.push(more.ciphertexts[0].clone());
		prop_assert_eq!(
			verify_submission(&c, s.shape, more.as_parts(), |_| false).err(),
			Some(SubmissionError::WrongCiphertextCount)
		);
	}

	#[test]
	fn tampered_result_shares_are_rejected(
		(n, t, d) in shapes(),
		seed in any::<u64>(),
		worker in any::<prop::sample::Index>(),
		component in any::<prop::sample::Index>(),
	) {
		let mut s = setup(seed, n, t, d);
		let d = d as usize;
		let c = ctx(13, 0);
		let submission = deal(&c, &s.keys, t, &vec![5; d], &mut s.rng).expect("deal");
		let a = accept(&c, s.shape, &submission);
		let w = worker.index(n as usize);
		let share = s.secrets[w]
			.open_share(&c, idx(w), &a.ephemeral_key, &submission.ciphertexts[w], d)
			.expect("decrypts");
		let rs = ResultShare::aggregate(d, [&share]).expect("aggregate");
		prop_assert!(rs.verify(&s.shape, idx(w), &a.commitments));
		// Presented as another worker's share, or as a worker outside the committee.
		prop_assert!(!rs.verify(&s.shape, idx((w + 1) % n as usize), &a.commitments));
		prop_assert!(!rs.verify(&s.shape, idx(n as usize), &a.commitments));
		let mut tweaked = rs.clone();
		let l = component.index(d + 1);
		if l < d { tweaked.values[l] += Scalar::ONE } else { tweaked.blinding += Scalar::ONE }
		prop_assert!(!tweaked.verify(&s.shape, idx(w), &a.commitments));
		// Padding with a zero component leaves the equation intact, but not the dimension.
		let mut padded = rs.clone();
		padded.values.push(Scalar::ZERO);
		prop_assert!(!padded.verify(&s.shape, idx(w), &a.commitments));
	}

	/// A worker's running sum (shares added as they are checked, a disqualified one taken out
	/// again) is the result share summed from scratch, and seals for its own node: only its
	/// secret with the same context opens it, and any altered byte is refused.
	#[test]
	fn a_sealed_running_sum_is_the_result_share_and_opens_only_as_sealed(
		(n, t, d) in shapes(),
		seed in any::<u64>(),
		k in 2usize..6,
		out in any::<prop::sample::Index>(),
		flip in any::<prop::sample::Index>(),
	) {
		let mut s = setup(seed, n, t, d);
		let d = d as usize;
		let w = 0;
		let mut shares = Vec::new();
		for input in 0..k {
			let c = ctx(21, input);
			let values: Vec<i128> = (0..d).map(|l| (input * 10 + l) as i128).collect();
			let submission = deal(&c, &s.keys, t, &values, &mut s.rng).expect("deal");
			let a = accept(&c, s.shape, &submission);
			shares.push(s.secrets[w]
				.open_share(&c, idx(w), &a.ephemeral_key, &submission.ciphertexts[w], d)
				.expect("decrypts"));
		}
		let dropped = out.index(k);
		let mut running = Share::zero(d).expect("d > 0");
		for share in &shares {
			running.add(share).expect("same dimension");
		}
		running.subtract(&shares[dropped]).expect("same dimension");
		let kept = shares.iter().enumerate().filter(|(i, _)| *i != dropped).map(|(_, s)| s);
		let expected = ResultShare::aggregate(d, kept).expect("aggregate");
		prop_assert_eq!(running.values(), &expected.values[..]);
		prop_assert_eq!(running.blinding(), &expected.blinding);

		let context = b"job 21, worker 1, 5 inputs";
		let sealed = s.secrets[w].seal_local(context, &running, &mut s.rng);
		let opened = s.secrets[w].open_local(context, &sealed, d).expect("opens");
		prop_assert_eq!(opened.values(), running.values());
		prop_assert_eq!(opened.blinding(), running.blinding());
		prop_assert_ne!(&s.secrets[w].seal_local(context, &running, &mut s.rng), &sealed);
		prop_assert!(s.secrets[w].open_local(b"job 21, worker 1, 4 inputs", &sealed, d).is_none());
		prop_assert!(s.secrets[1].open_local(context, &sealed, d).is_none());
		let mut altered = sealed.clone();
		altered[flip.index(sealed.len())] ^= 1;
		prop_assert!(s.secrets[w].open_local(context, &altered, d).is_none());
		prop_assert!(s.secrets[w].open_local(context, &sealed[..sealed.len() - 1], d).is_none());
		prop_assert!(Share::zero(d).expect("d > 0").add(&Share::zero(d + 1).expect("d > 0")).is_err());
	}

	#[test]
	fn proofs_of_possession_bind_account_and_chain(seed in any::<u64>(), flip in any::<prop::sample::Index>()) {
		let mut rng = ChaCha20Rng::seed_from_u64(seed);
		let secret = WorkerSecret::random(&mut rng);
		let account = provider(0);
		let proof = secret.prove_possession(&GENESIS, &account, &mut rng).to_bytes();
		let key = secret.public_key().to_bytes();
		prop_assert!(verify_possession(&GENESIS, &account, &key, &proof).is_ok());
		prop_assert!(verify_possession(&GENESIS, &provider(1), &key, &proof).is_err());
		prop_assert!(verify_possession(&[8u8; 32], &account, &key, &proof).is_err());
		let mut bad = proof;
		let b = flip.index(64);
		bad[b] ^= 1;
		prop_assert!(verify_possession(&GENESIS, &account, &key, &bad).is_err());
	}

	#[test]
	fn scalars_decode_only_when_canonical(bytes in any::<[u8; 32]>()) {
		let decoded = Scalar::from_canonical_bytes(bytes);
		// Canonical iff below l = 2^252 + ...: compare as big-endian integers.
		let l = Scalar::ZERO - Scalar::ONE;
		let mut l_bytes = l.to_bytes();
		l_bytes[0] += 1;
		let below_l = bytes.iter().rev().cmp(l_bytes.iter().rev()) == std::cmp::Ordering::Less;
		prop_assert_eq!(decoded.is_ok(), below_l);
		if let Ok(s) = decoded {
			prop_assert_eq!(s.to_bytes(), bytes);
		}
	}

	#[test]
	fn points_decode_only_canonical_encodings(seed in any::<u64>(), bytes in any::<[u8; 32]>()) {
		if let Ok(p) = Point::from_bytes(&bytes) {
			prop_assert_eq!(p.to_bytes(), bytes);
		}
		// A valid encoding with the top bit set is never canonical.
		let mut rng = ChaCha20Rng::seed_from_u64(seed);
		let mut encoded = WorkerSecret::random(&mut rng).public_key().to_bytes();
		encoded[31] |= 0x80;
		prop_assert!(Point::from_bytes(&encoded).is_err());
	}
}
