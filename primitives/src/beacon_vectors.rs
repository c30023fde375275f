//! Test vectors of PROTOCOL.md section 11 (`tests/vectors/beacon-v1.json`): a three-member
//! epoch with fixed secrets and randomness, its dealings, one complaint against a bad share,
//! the group key, one round and the values derived from it.
//!
//! The test recomputes every value from the inputs in the file and compares; with
//! `MPC_WRITE_BEACON_VECTORS=1` it writes the file instead (only when the protocol changes on
//! purpose). A unit test module because fixed randomness needs the crate-private entry points.

use alloc::{string::String, vec::Vec};
use curve25519_dalek::scalar::Scalar as DalekScalar;
use serde_json::{json, Value};

use crate::{
	beacon::{
		committee_seed, draw_committee, round_point, subject_value, verify_round, RoundContext,
		RoundShare,
	},
	dkg::{deal_key_with_randomness, dealing_digest, KeyDealingRandomness},
	encryption::{derive_key, seal, share_aad},
	judge_key_complaint, verify_key_dealing, CommitteeShape, ComplaintVerdict, DealerContext,
	EpochContext, GroupKey, KeyComplaintSubject, KeyShare, ParticipantIndex, Scalar, WorkerSecret,
};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/beacon-v1.json");

fn s(x: u64) -> DalekScalar {
	DalekScalar::from(x)
}

fn hex(bytes: &[u8]) -> String {
	::hex::encode(bytes)
}

fn idx(i: u32) -> ParticipantIndex {
	ParticipantIndex::new(i).expect("non-zero")
}

fn compute() -> Value {
	let genesis = [0x42u8; 32];
	let epoch = EpochContext { genesis, epoch: 3 };
	let n = 3u32;
	let shape = CommitteeShape::new(n).expect("n = 3");
	let secrets: Vec<WorkerSecret> = (1..=n)
		.map(|i| WorkerSecret::from_bytes(&s(1000 + u64::from(i)).to_bytes()).expect("non-zero"))
		.collect();
	let keys: Vec<_> = secrets.iter().map(|e| *e.public_key()).collect();
	let account = |j: u32| [j as u8; 32];

	let members: Vec<Value> = (1..=n)
		.map(|i| {
			let e = &secrets[i as usize - 1];
			json!({
				"index": i,
				"account": hex(&account(i)),
				"e": hex(&*e.to_bytes()),
				"E": hex(e.public_key().as_bytes()),
			})
		})
		.collect();

	let mut dealings = Vec::new();
	let mut dealing_values = Vec::new();
	for j in 1..=n {
		let ctx = DealerContext { epoch, dealer: idx(j) };
		let base = 100 * u64::from(j);
		let coefficients: Vec<Scalar> =
			(0..=shape.t()).map(|k| Scalar(s(base + u64::from(k) + 1))).collect();
		let randomness = KeyDealingRandomness {
			coefficients: coefficients.clone(),
			r: s(7000 + u64::from(j)),
			k: [s(8000 + u64::from(j)), s(9000 + u64::from(j))],
		};
		let dealing =
			deal_key_with_randomness(&ctx, &account(j), &keys, randomness).expect("deals");
		let accepted = verify_key_dealing(&ctx, &account(j), shape, dealing.as_parts(), |_| false)
			.expect("the vector dealing verifies");
		let shares: Vec<String> = (1..=n)
			.map(|i| {
				let share = secrets[i as usize - 1]
					.open_key_share(
						&ctx,
						idx(i),
						&accepted.ephemeral_key,
						&dealing.ciphertexts[i as usize - 1],
						&accepted.commitments,
					)
					.expect("the vector share checks");
				hex(&share.to_bytes())
			})
			.collect();
		dealing_values.push(json!({
			"dealer": j,
			"coefficients": coefficients.iter().map(|a| hex(&a.to_bytes())).collect::<Vec<_>>(),
			"r": hex(&s(7000 + u64::from(j)).to_bytes()),
			"k1": hex(&s(8000 + u64::from(j)).to_bytes()),
			"k2": hex(&s(9000 + u64::from(j)).to_bytes()),
			"R": hex(&dealing.ephemeral_key),
			"proof": hex(&dealing.proof),
			"commitments": dealing.commitments.iter().map(|a| hex(a)).collect::<Vec<_>>(),
			"ciphertexts": dealing.ciphertexts.iter().map(|c| hex(c)).collect::<Vec<_>>(),
			"digest": hex(&dealing_digest(&ctx, dealing.as_parts())),
			"shares": shares,
		}));
		dealings.push((dealing, accepted));
	}

	// Dealer 2's share for member 3, plus one, sealed under the right key: a complaint.
	let (j, i) = (2u32, 3u32);
	let ctx = DealerContext { epoch, dealer: idx(j) };
	let (dealing, accepted) = &dealings[j as usize - 1];
	let member = &secrets[i as usize - 1];
	let good = member
		.open_key_share(
			&ctx,
			idx(i),
			&accepted.ephemeral_key,
			&dealing.ciphertexts[i as usize - 1],
			&accepted.commitments,
		)
		.expect("checks");
	let bad_share = (*good + Scalar::ONE).to_bytes();
	let shared = member.shared_secret(&accepted.ephemeral_key);
	let key =
		derive_key(&ctx, idx(i), &accepted.ephemeral_key, member.public_key(), shared.as_bytes());
	let bad_ct: [u8; 48] =
		seal(&key, &share_aad(&ctx, idx(i)), &bad_share).try_into().expect("48 bytes");
	let complaint =
		member.complain_key_dealing_with_nonce(&ctx, idx(i), &accepted.ephemeral_key, &s(555));
	let verdict = judge_key_complaint(
		&KeyComplaintSubject {
			dealer: &ctx,
			index: idx(i),
			member_key: member.public_key(),
			ephemeral_key: &accepted.ephemeral_key,
			commitments: &accepted.commitments,
			ciphertext: &bad_ct,
		},
		&complaint.shared_key.to_bytes(),
		&complaint.proof.to_bytes(),
	);
	assert!(matches!(verdict, Ok(ComplaintVerdict::InputDisqualified { .. })));
	let false_verdict = judge_key_complaint(
		&KeyComplaintSubject {
			dealer: &ctx,
			index: idx(i),
			member_key: member.public_key(),
			ephemeral_key: &accepted.ephemeral_key,
			commitments: &accepted.commitments,
			ciphertext: &dealing.ciphertexts[i as usize - 1],
		},
		&complaint.shared_key.to_bytes(),
		&complaint.proof.to_bytes(),
	);
	assert_eq!(false_verdict, Ok(ComplaintVerdict::WorkerAtFault));

	// Every dealing qualified (the complaint above is about a variant of dealing 2).
	let group = GroupKey::combine(shape, dealings.iter().map(|(_, a)| &a.commitments[..]))
		.expect("three dealings");
	let key_shares: Vec<KeyShare> = (1..=n)
		.map(|i| {
			let opened: Vec<Scalar> = dealings
				.iter()
				.enumerate()
				.map(|(j, (d, a))| {
					let ctx = DealerContext { epoch, dealer: idx(j as u32 + 1) };
					*secrets[i as usize - 1]
						.open_key_share(
							&ctx,
							idx(i),
							&a.ephemeral_key,
							&d.ciphertexts[i as usize - 1],
							&a.commitments,
						)
						.expect("checks")
				})
				.collect();
			KeyShare::from_shares(idx(i), &opened)
		})
		.collect();
	for share in &key_shares {
		assert_eq!(*share.public_share(), group.public_share(share.index()));
	}

	// Intermediate values of one ciphertext: dealer 1 to member 2.
	let (d1, a1) = &dealings[0];
	let ctx1 = DealerContext { epoch, dealer: idx(1) };
	let k12 = secrets[1].shared_secret(&a1.ephemeral_key);
	let key12 = derive_key(&ctx1, idx(2), &a1.ephemeral_key, &keys[1], k12.as_bytes());
	let intermediate = json!({
		"dealer": 1,
		"member": 2,
		"K": hex(k12.as_bytes()),
		"key": hex(&*key12),
		"aad": hex(&share_aad(&ctx1, idx(2))),
		"expected_commitment_sum": hex(
			crate::Point::from(<curve25519_dalek::RistrettoPoint as curve25519_dalek::traits::VartimeMultiscalarMul>::vartime_multiscalar_mul(
				crate::shamir::powers(idx(2), shape.t() as usize).iter().map(|w| w.0),
				a1.commitments.iter().map(|a| *a.as_dalek()),
			))
			.as_bytes()
		),
	});
	// Invalid cases, each with the rule it breaks (section 11.2 acceptance, 11.5 shares).
	let mut flipped = d1.clone();
	flipped.proof[40] ^= 1;
	let mut identity_r = d1.clone();
	identity_r.ephemeral_key = [0u8; 32];
	let mut short = d1.clone();
	short.commitments.pop();
	let check = |d: &crate::KeyDealing, dealer: u32, who: u32| {
		let ctx = DealerContext { epoch, dealer: idx(dealer) };
		verify_key_dealing(&ctx, &account(who), shape, d.as_parts(), |_| false).err()
	};
	assert_eq!(check(&flipped, 1, 1), Some(crate::SubmissionError::BadProof));
	assert_eq!(check(d1, 1, 2), Some(crate::SubmissionError::BadProof));
	assert_eq!(check(d1, 2, 1), Some(crate::SubmissionError::BadProof));
	assert_eq!(check(&identity_r, 1, 1), Some(crate::SubmissionError::IdentityEphemeralKey));
	assert_eq!(check(&short, 1, 1), Some(crate::SubmissionError::WrongCommitmentCount));
	let invalid_dealings = json!([
		{ "case": "dealing 1 with byte 40 of the proof flipped", "dealer": 1, "account": hex(&account(1)), "proof": hex(&flipped.proof), "rule": "the proof verifies" },
		{ "case": "dealing 1 sent by account 2 as dealer 1", "dealer": 1, "account": hex(&account(2)), "rule": "the proof verifies (it binds W_j)" },
		{ "case": "dealing 1 presented as dealer 2's", "dealer": 2, "account": hex(&account(1)), "rule": "the proof verifies (it binds j)" },
		{ "case": "dealing 1 with R = identity", "dealer": 1, "account": hex(&account(1)), "R": hex(&identity_r.ephemeral_key), "rule": "R is not the identity" },
		{ "case": "dealing 1 without its last commitment", "dealer": 1, "account": hex(&account(1)), "commitments": short.commitments.iter().map(|a| hex(a)).collect::<Vec<_>>(), "rule": "exactly t_B + 1 commitments" },
	]);

	let round = 11u64;
	let seed = [0x5au8; 32];
	let rctx = RoundContext { epoch, round, seed };
	let round_shares: Vec<(ParticipantIndex, RoundShare)> = key_shares
		.iter()
		.map(|x| (x.index(), x.round_share_with_nonce(&rctx, &s(600 + u64::from(x.index().get())))))
		.collect();
	let subsets = [[0usize, 1], [1, 2], [0, 2]];
	let outputs: Vec<_> = subsets
		.iter()
		.map(|pick| {
			let set: Vec<_> = pick.iter().map(|&m| round_shares[m]).collect();
			verify_round(&rctx, &group, &set).expect("round verifies")
		})
		.collect();
	assert!(outputs.iter().all(|o| *o == outputs[0]));
	let output = outputs[0];
	let subject = b"lottery";
	// Invalid round shares: member 1's share claimed by member 2, for round 12, or bent.
	let (i1, share1) = round_shares[0];
	let mut bent = share1;
	bent.proof[5] ^= 1;
	let x = |i: ParticipantIndex| group.public_share(i);
	let next = RoundContext { round: round + 1, ..rctx };
	let other_branch = RoundContext { seed: [0x5b; 32], ..rctx };
	assert!(crate::verify_round_share(&rctx, idx(2), &x(idx(2)), &share1).is_err());
	assert!(crate::verify_round_share(&next, i1, &x(i1), &share1).is_err());
	assert!(crate::verify_round_share(&other_branch, i1, &x(i1), &share1).is_err());
	assert!(crate::verify_round_share(&rctx, i1, &x(i1), &bent).is_err());
	let invalid_shares = json!([
		{ "case": "member 1's share presented as member 2's", "index": 2, "Y": hex(&share1.point), "proof": hex(&share1.proof) },
		{ "case": "member 1's share of round 11 presented for round 12", "round": round + 1, "index": 1, "Y": hex(&share1.point), "proof": hex(&share1.proof) },
		{ "case": "member 1's share of round 11 presented for round 11 opened on another branch (seed 5b..5b)", "seed": hex(&other_branch.seed), "index": 1, "Y": hex(&share1.point), "proof": hex(&share1.proof) },
		{ "case": "member 1's share with byte 5 of the proof flipped", "index": 1, "Y": hex(&bent.point), "proof": hex(&bent.proof) },
	]);

	json!({
		"description": "PROTOCOL.md section 11: committee key (DKG) and randomness beacon. Produced by mpc-primitives (test beacon_vectors_match). Scalars and points are 32-byte hex; indices are 1-based.",
		"genesis": hex(&genesis),
		"epoch": 3,
		"n": n,
		"t": shape.t(),
		"fields": {
			"members": "index i, account W_i, secret e_i and key E_i = e_i G of each member",
			"dealings": "per dealer j: coefficients a_{j,0}..a_{j,t} (a_{j,0} first), ephemeral secret r, proof nonces k1 (for T_1, with a_{j,0}) and k2 (for T_2, with r); the resulting R, proof c||z_1||z_2, commitments A_{j,k}, ciphertexts ct_{j,1..n}, the dealing digest h_j and the plaintext shares s_{j,1..n}",
			"intermediate": "K_{j,i}, key_{j,i} (32 bytes), aad_{j,i} and sum_k i^k A_{j,k} for one ciphertext",
			"complaint": "a complaint by `member` against `dealer` with DLEQ nonce k, judged on `ciphertext` (dealer_disqualified) and on the dealing's real ciphertext (member_at_fault)",
			"invalid_dealings": "variants of dealing 1 the chain must reject, with the rule each breaks; fields not given are dealing 1's",
			"group_key": "Â_0..Â_t of the qualified dealings, X = Â_0, X_1..X_n, each member's x_i, keydigest_e",
			"round": "round r with seed s_r; P_r; each member's share Y_i with its DLEQ nonce k; the subsets of t_B + 1 members that all give Y and the output rho_r",
			"invalid_round_shares": "shares that fail verification against the group key; round 11 unless given",
			"derived": "subject value and committee seed from rho_r (section 11.6); draw: committees drawn with that seed from `candidates` candidates (indices 0..candidates-1 in pool order), those in `ineligible` refused, `drawn` the kept candidates in member order",
		},
		"members": members,
		"dealings": dealing_values,
		"intermediate": intermediate,
		"invalid_dealings": invalid_dealings,
		"complaint": {
			"dealer": j,
			"member": i,
			"note": "dealer 2's dealing with member 3's ciphertext replaced by an encryption of its share plus one",
			"ciphertext": hex(&bad_ct),
			"k": hex(&s(555).to_bytes()),
			"K": hex(complaint.shared_key.as_bytes()),
			"proof": hex(&complaint.proof.to_bytes()),
			"verdict": "dealer_disqualified",
			"verdict_on_original_ciphertext": "member_at_fault",
		},
		"group_key": {
			"qualified": [1, 2, 3],
			"commitments": group.commitments().iter().map(|a| hex(a.as_bytes())).collect::<Vec<_>>(),
			"X": hex(group.public_key().as_bytes()),
			"public_shares": (1..=n).map(|i| hex(group.public_share(idx(i)).as_bytes())).collect::<Vec<_>>(),
			"secret_shares": key_shares.iter().map(|x| hex(&x.secret().to_bytes())).collect::<Vec<_>>(),
			"digest": hex(&group.digest(&epoch)),
		},
		"round": {
			"round": round,
			"seed": hex(&seed),
			"P": hex(round_point(&rctx).as_bytes()),
			"shares": round_shares.iter().map(|(i, sh)| json!({
				"index": i.get(),
				"k": hex(&s(600 + u64::from(i.get())).to_bytes()),
				"Y": hex(&sh.point),
				"proof": hex(&sh.proof),
			})).collect::<Vec<_>>(),
			"subsets": subsets.iter().map(|p| p.iter().map(|m| m + 1).collect::<Vec<_>>()).collect::<Vec<_>>(),
			"Y": hex(output.point.as_bytes()),
			"output": hex(&output.value),
		},
		"invalid_round_shares": invalid_shares,
		"derived": {
			"subject": hex(subject),
			"subject_value": hex(&subject_value(&output.value, subject)),
			"job_id": 42,
			"committee_seed": hex(&committee_seed(&output.value, 42)),
			"draw": draw_cases(&committee_seed(&output.value, 42)),
		},
	})
}

/// Draws with the derived committee seed (section 11.6): 10 candidates, committees of 4, all
/// eligible, then with the first drawn candidate and candidate 0 ineligible.
fn draw_cases(seed: &[u8; 32]) -> Value {
	let all = draw_committee(seed, 10, 4, |_| true);
	let ineligible = [all[0], 0];
	let some = draw_committee(seed, 10, 4, |c| !ineligible.contains(&c));
	let full = draw_committee(seed, 10, 10, |_| true);
	json!([
		{ "candidates": 10, "n": 4, "ineligible": [], "drawn": all },
		{ "candidates": 10, "n": 4, "ineligible": ineligible, "drawn": some },
		{ "candidates": 10, "n": 10, "ineligible": [], "drawn": full },
	])
}

/// Compares the vectors the code computes with the file at `path`; with the environment
/// variable `write` set, writes the file first (only when the protocol changes on purpose).
pub(crate) fn check_vector_file(path: &str, write: &str, computed: &Value) {
	if std::env::var_os(write).is_some() {
		let text = serde_json::to_string_pretty(computed).expect("serializes") + "\n";
		std::fs::write(path, text).expect("writes the vectors");
	}
	let text = std::fs::read_to_string(path)
		.unwrap_or_else(|e| panic!("{path}: {e} (write it with {write}=1)"));
	let stored: Value = serde_json::from_str(&text).expect("parses");
	assert_eq!(&stored, computed, "{path} differs from what the code computes");
}

#[test]
fn beacon_vectors_match() {
	check_vector_file(PATH, "MPC_WRITE_BEACON_VECTORS", &compute());
}
