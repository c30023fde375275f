//! The interoperability contract: every value of `tests/vectors/protocol-v1.json` (produced by
//! an independent implementation from PROTOCOL.md alone) is reproduced exactly, and every case
//! marked invalid is rejected.
//!
//! A unit test module rather than an integration test because reproducing a dealing needs the
//! fixed-randomness entry points, which are deliberately not public.

use alloc::{string::String, string::ToString, vec::Vec};
use curve25519_dalek::scalar::Scalar as DalekScalar;
use serde_json::Value;

use crate::{
	dealer::{deal_with_randomness, verify_submission, DealingRandomness, JobShape},
	domain::*,
	encryption::{decrypt_share, derive_key, share_aad},
	generators::{blinding_generator, value_generator},
	hash::{hash_to_point, hash_to_scalar, sha512},
	pedersen::{sum_commitments, verify_share},
	proof::{DealingProof, DleqProof, DleqStatement, PossessionProof},
	result::{reconstruct, verify_output, ResultShare},
	shamir::{lagrange_coefficients_at_zero, ParticipantIndex},
	value::{encode_value, DecodedValue},
	verify_possession, Commitment, ComplaintSubject, ComplaintVerdict, EncryptionKey, EphemeralKey,
	InputContext, Point, Scalar, Share, SharedKey, SubmissionError, SubmissionParts, WorkerSecret,
};

const VECTORS: &str = include_str!("../tests/vectors/protocol-v1.json");

fn vectors() -> Value {
	serde_json::from_str(VECTORS).expect("vectors parse")
}

fn bytes(v: &Value) -> Vec<u8> {
	hex::decode(v.as_str().expect("hex string")).expect("hex")
}

fn b32(v: &Value) -> [u8; 32] {
	bytes(v).try_into().expect("32 bytes")
}

fn b64(v: &Value) -> [u8; 64] {
	bytes(v).try_into().expect("64 bytes")
}

fn hex32(b: &[u8]) -> String {
	hex::encode(b)
}

fn scalar(v: &Value) -> DalekScalar {
	Scalar::from_canonical_bytes(b32(v)).expect("canonical scalar in vector").0
}

fn scalars(v: &Value) -> Vec<Scalar> {
	v.as_array().expect("array").iter().map(|x| Scalar(scalar(x))).collect()
}

fn num(v: &Value) -> u64 {
	match v {
		Value::String(s) => s.parse().expect("decimal"),
		_ => v.as_u64().expect("number"),
	}
}

fn str_of(v: &Value) -> &str {
	v.as_str().expect("string")
}

fn points(v: &Value) -> Vec<Commitment> {
	v.as_array()
		.expect("array")
		.iter()
		.map(|x| Point::from_bytes(&b32(x)).expect("point"))
		.collect()
}

fn raw_points(v: &Value) -> Vec<[u8; 32]> {
	v.as_array().expect("array").iter().map(b32).collect()
}

fn input_ctx(case: &Value, provider_field: &str) -> InputContext {
	InputContext::new(b32(&case["genesis"]), num(&case["job_id"]), b32(&case[provider_field]))
}

fn idx(v: &Value) -> ParticipantIndex {
	ParticipantIndex::new(num(v) as u32).expect("index")
}

/// A decimal integer of any size, as a scalar mod l.
fn decimal_scalar(s: &str) -> Scalar {
	let (negative, digits) = match s.strip_prefix('-') {
		Some(rest) => (true, rest),
		None => (false, s),
	};
	let ten = Scalar::from(10u64);
	let m =
		digits.bytes().fold(Scalar::ZERO, |acc, d| acc * ten + Scalar::from(u64::from(d - b'0')));
	if negative {
		-m
	} else {
		m
	}
}

#[test]
fn conventions_match() {
	let v = vectors();
	let c = &v["conventions"];
	assert_eq!(decimal_scalar(str_of(&c["l"])), Scalar::ZERO);
	let mut l = (-DalekScalar::ONE).to_bytes();
	l[0] += 1;
	assert_eq!(hex32(&l), str_of(&c["l_le_hex"]));
	let dst = &c["dst"];
	for (name, ours) in [
		("G", DST_GENERATOR),
		("H", DST_BLINDING_GENERATOR),
		("pop", DST_POP),
		("dealing", DST_DEALING),
		("kdf", DST_KDF),
		("share", DST_SHARE),
		("dleq", DST_DLEQ),
	] {
		assert_eq!(bytes(&dst[name]), ours, "{name}");
	}
}

#[test]
fn hashes_match() {
	let v = vectors();
	let cases = v["hash"].as_array().expect("hash cases");
	assert!(!cases.is_empty());
	for case in cases {
		let input = bytes(&case["input"]);
		assert_eq!(hex::encode(sha512(&input)), str_of(&case["sha512"]));
		assert_eq!(hex32(&hash_to_scalar(&input).to_bytes()), str_of(&case["hash_to_scalar"]));
		assert_eq!(hex32(&hash_to_point(&input).to_bytes()), str_of(&case["hash_to_point"]));
	}
}

#[test]
fn generators_match() {
	let v = vectors();
	let g = &v["generators"];
	let gs = g["G"].as_array().expect("G");
	assert_eq!(gs.len(), 5);
	for (l, expected) in gs.iter().enumerate() {
		assert_eq!(hex32(value_generator(l as u32).compress().as_bytes()), str_of(expected));
		let input = &g["G_hash_input"][l];
		if l > 0 {
			let mut ours = DST_GENERATOR.to_vec();
			ours.extend_from_slice(&(l as u32).to_le_bytes());
			assert_eq!(bytes(input), ours);
		}
	}
	assert_eq!(hex32(blinding_generator().compress().as_bytes()), str_of(&g["H"]));
	assert_eq!(bytes(&g["H_hash_input"]), DST_BLINDING_GENERATOR);
}

#[test]
fn values_match() {
	let v = vectors();
	let values = &v["values"];
	for case in values["encode"].as_array().expect("encode") {
		let x: i128 = str_of(&case["value"]).parse().expect("i128");
		assert_eq!(hex32(&encode_value(x).to_bytes()), str_of(&case["scalar"]), "{x}");
	}
	for case in values["decode"].as_array().expect("decode") {
		let s = Scalar::from_canonical_bytes(b32(&case["scalar"])).expect("canonical");
		let d = DecodedValue::from_scalar(&s);
		assert_eq!(d.to_string(), str_of(&case["value"]));
		assert_eq!(d.to_i128().is_some(), case["fits_i128"].as_bool().expect("bool"));
		let expected = str_of(&case["i128"]);
		match d.to_i128() {
			Some(x) => assert_eq!(x.to_string(), expected),
			None => assert_eq!(expected, "overflow"),
		}
	}
	for case in values["encode_rejected"].as_array().expect("encode_rejected") {
		// The API takes i128: a value outside it cannot even be expressed.
		assert!(str_of(&case["value"]).parse::<i128>().is_err());
		assert_eq!(case["valid"], Value::Bool(false));
	}
	for case in values["mean"].as_array().expect("mean") {
		let y = DecodedValue::from_scalar(&decimal_scalar(str_of(&case["y"])));
		assert_eq!(y.to_string(), str_of(&case["y"]));
		let mean = y.floor_div(num(&case["count"])).expect("count > 0");
		assert_eq!(mean.to_string(), str_of(&case["mean"]));
	}
}

#[test]
fn proofs_of_possession_match() {
	let v = vectors();
	let valid = v["pop"]["valid"].as_array().expect("valid");
	assert!(!valid.is_empty());
	for case in valid {
		let genesis = b32(&case["genesis"]);
		let account = b32(&case["account"]);
		let secret = WorkerSecret::from_bytes(&b32(&case["e"])).expect("secret");
		assert_eq!(hex32(secret.public_key().as_bytes()), str_of(&case["E"]));
		let k = scalar(&case["k"]);
		let proof = PossessionProof::create_with_nonce(
			&genesis,
			&account,
			secret.secret_scalar(),
			secret.public_key(),
			&k,
		);
		assert_eq!(hex::encode(proof.to_bytes()), str_of(&case["proof"]));
		assert_eq!(hex32(&proof.to_bytes()[..32]), str_of(&case["c"]));
		assert_eq!(hex32(&proof.to_bytes()[32..]), str_of(&case["z"]));
		let key = verify_possession(&genesis, &account, &b32(&case["E"]), &b64(&case["proof"]));
		assert_eq!(key.as_ref(), Ok(secret.public_key()));
	}
	let invalid = v["pop"]["invalid"].as_array().expect("invalid");
	assert!(!invalid.is_empty());
	for case in invalid {
		let result = verify_possession(
			&b32(&case["genesis"]),
			&b32(&case["account"]),
			&b32(&case["E"]),
			&b64(&case["proof"]),
		);
		assert!(result.is_err(), "accepted: {}", case["reason"]);
	}
}

/// Reproduces one dealing from its listed randomness and checks every output, worker by
/// worker, from the worker's side too. Returns each worker's decrypted share.
fn check_dealing(job: &Value, case: &Value) -> Vec<Share> {
	let ctx = input_ctx(
		&{
			let mut merged = job.clone();
			merged["provider"] = case["provider"].clone();
			merged
		},
		"provider",
	);
	let t = num(&job["t"]) as u32;
	let d = num(&job["d"]) as usize;
	let keys: Vec<EncryptionKey> = job["worker_keys"]
		.as_array()
		.expect("keys")
		.iter()
		.map(|k| EncryptionKey::from_bytes(&b32(k)).expect("key"))
		.collect();
	let secrets: Vec<WorkerSecret> = job["worker_secrets"]
		.as_array()
		.expect("secrets")
		.iter()
		.map(|e| WorkerSecret::from_bytes(&b32(e)).expect("secret"))
		.collect();
	let values: Vec<i128> = case["values"]
		.as_array()
		.expect("values")
		.iter()
		.map(|x| str_of(x).parse().expect("i128"))
		.collect();
	let randomness = DealingRandomness {
		coefficients: case["coefficients"]
			.as_array()
			.expect("coefficients")
			.iter()
			.map(scalars)
			.collect(),
		blinding: scalars(&case["blinding"]),
		r: scalar(&case["r"]),
		k: scalar(&case["dealing_proof"]["k"]),
	};
	let submission = deal_with_randomness(&ctx, &keys, &values, randomness).expect("deal");
	assert_eq!(hex32(&submission.ephemeral_key), str_of(&case["R"]));
	assert_eq!(submission.commitments, raw_points(&case["commitments"]));
	assert_eq!(hex::encode(submission.proof), str_of(&case["dealing_proof"]["proof"]));

	let shape = JobShape::new(keys.len() as u32, t, d as u32).expect("shape");
	let accepted = verify_submission(&ctx, shape, submission.as_parts(), |_| false);
	assert!(accepted.is_ok(), "own dealing rejected: {accepted:?}");

	let tampered = case.get("tampered_index").and_then(Value::as_u64);
	let ephemeral_key = EphemeralKey::from_bytes(&submission.ephemeral_key).expect("R");
	let commitments = points(&case["commitments"]);
	let workers = case["workers"].as_array().expect("workers");
	assert_eq!(workers.len(), keys.len());
	let mut shares = Vec::new();
	for (w, (secret, expected)) in secrets.iter().zip(workers).enumerate() {
		let i = idx(&expected["index"]);
		assert_eq!(i.get() as usize, w + 1);
		assert_eq!(hex32(secret.public_key().as_bytes()), str_of(&expected["E"]));
		let shared = secret.shared_secret(&ephemeral_key);
		assert_eq!(hex32(shared.as_bytes()), str_of(&expected["K"]));
		let key = derive_key(&ctx, i, &ephemeral_key, secret.public_key(), shared.as_bytes());
		assert_eq!(hex32(&*key), str_of(&expected["key"]));
		assert_eq!(hex::encode(share_aad(&ctx, i)), str_of(&expected["aad"]));
		let ciphertext = bytes(&expected["ciphertext"]);
		if tampered != Some(u64::from(i.get())) {
			assert_eq!(submission.ciphertexts[w], ciphertext, "ciphertext of worker {}", i.get());
		}
		let share = secret.open_share(&ctx, i, &ephemeral_key, &ciphertext, d).expect("decrypts");
		assert_eq!(hex::encode(&*share.to_bytes()), str_of(&expected["plaintext"]));
		assert_eq!(share.values(), &scalars(&expected["share"]["s"])[..]);
		assert_eq!(hex32(&share.blinding().to_bytes()), str_of(&expected["share"]["u"]));
		let check = expected["check"].as_bool().expect("check");
		assert_eq!(verify_share(i, &share, &commitments), check);
		let checked =
			secret.open_and_check_share(&ctx, i, &ephemeral_key, &ciphertext, &commitments, d);
		assert_eq!(checked.is_ok(), check);
		shares.push(share);
	}
	shares
}

#[test]
fn dealings_match() {
	let v = vectors();
	let cases = v["dealing"].as_array().expect("dealing");
	assert_eq!(cases.len(), 3);
	for case in cases {
		check_dealing(case, case);
	}
}

#[test]
fn dealing_proofs_match() {
	let v = vectors();
	for case in v["dealing_proof"]["valid"].as_array().expect("valid") {
		let ctx = input_ctx(case, "provider");
		let r = EphemeralKey::from_bytes(&b32(&case["R"])).expect("R");
		let commitments = points(&case["commitments"]);
		let proof = DealingProof::create_with_nonce(
			&ctx,
			&scalar(&case["r"]),
			&r,
			&commitments,
			&scalar(&case["k"]),
		);
		assert_eq!(hex::encode(proof.to_bytes()), str_of(&case["proof"]));
		assert!(proof.verify(&ctx, &r, &commitments));
	}
	let invalid = v["dealing_proof"]["invalid"].as_array().expect("invalid");
	assert_eq!(invalid.len(), 10);
	for case in invalid {
		let ctx = input_ctx(case, "provider");
		let accepted = EphemeralKey::from_bytes(&b32(&case["R"])).is_ok_and(|r| {
			DealingProof::from_bytes(&b64(&case["proof"]))
				.is_ok_and(|p| p.verify(&ctx, &r, &points(&case["commitments"])))
		});
		assert!(!accepted, "accepted: {}", case["reason"]);
	}
}

fn verdict(result: Result<crate::AcceptedSubmission, SubmissionError>) -> &'static str {
	match result {
		Ok(_) => "accepted",
		Err(SubmissionError::WrongCommitmentCount) => "wrong_commitment_count",
		Err(SubmissionError::BadCommitmentEncoding { .. }) => "bad_commitment_encoding",
		Err(SubmissionError::WrongCiphertextCount) => "wrong_ciphertext_count",
		Err(SubmissionError::BadCiphertextLength { .. }) => "bad_ciphertext_length",
		Err(SubmissionError::BadEphemeralKeyEncoding) => "bad_R_encoding",
		Err(SubmissionError::IdentityEphemeralKey) => "identity_R",
		Err(SubmissionError::BadProof) => "bad_proof",
		Err(SubmissionError::RepeatedEphemeralKey) => "repeated_R",
	}
}

fn judge_submission(case: &Value, provider_field: &str, job: &Value) -> &'static str {
	let ctx = input_ctx(case, provider_field);
	let shape = JobShape::new(num(&job["n"]) as u32, num(&job["t"]) as u32, num(&job["d"]) as u32)
		.expect("shape");
	let commitments = raw_points(&job["commitments"]);
	let ciphertexts: Vec<Vec<u8>> =
		job["ciphertexts"].as_array().expect("cts").iter().map(bytes).collect();
	let r = b32(&case["R"]);
	let proof = b64(&job["proof"]);
	let prior: Vec<[u8; 32]> = raw_points(&case["prior_R"]);
	let parts = SubmissionParts {
		ephemeral_key: &r,
		proof: &proof,
		commitments: &commitments,
		ciphertexts: &ciphertexts,
	};
	verdict(verify_submission(&ctx, shape, parts, |r| prior.contains(r.as_bytes())))
}

#[test]
fn submissions_are_judged_as_the_vectors_say() {
	let v = vectors();
	let cases = v["submissions"].as_array().expect("submissions");
	assert_eq!(cases.len(), 14);
	for case in cases {
		assert_eq!(
			judge_submission(case, "provider", case),
			str_of(&case["verdict"]),
			"{}",
			case["name"]
		);
	}
}

fn dleq_accepts(case: &Value) -> bool {
	let ctx = input_ctx(case, "provider");
	let (Ok(e), Ok(r), Ok(k), Ok(proof)) = (
		EncryptionKey::from_bytes(&b32(&case["E"])),
		EphemeralKey::from_bytes(&b32(&case["R"])),
		SharedKey::from_bytes(&b32(&case["K"])),
		DleqProof::from_bytes(&b64(&case["proof"])),
	) else {
		return false;
	};
	let statement = DleqStatement {
		input: &ctx,
		index: idx(&case["index"]),
		worker_key: &e,
		ephemeral_key: &r,
		shared_key: &k,
	};
	proof.verify(&statement)
}

#[test]
fn dleq_proofs_match() {
	let v = vectors();
	for case in v["dleq"]["valid"].as_array().expect("valid") {
		let ctx = input_ctx(case, "provider");
		let secret = WorkerSecret::from_bytes(&b32(&case["e"])).expect("e");
		let r = EphemeralKey::from_bytes(&b32(&case["R"])).expect("R");
		let k = secret.shared_secret(&r).into_public();
		assert_eq!(hex32(k.as_bytes()), str_of(&case["K"]));
		let statement = DleqStatement {
			input: &ctx,
			index: idx(&case["index"]),
			worker_key: secret.public_key(),
			ephemeral_key: &r,
			shared_key: &k,
		};
		let proof =
			DleqProof::create_with_nonce(&statement, secret.secret_scalar(), &scalar(&case["k"]));
		assert_eq!(hex::encode(proof.to_bytes()), str_of(&case["proof"]));
		assert!(dleq_accepts(case));
	}
	let invalid = v["dleq"]["invalid"].as_array().expect("invalid");
	assert_eq!(invalid.len(), 12);
	for case in invalid {
		assert!(!dleq_accepts(case), "accepted: {}", case["reason"]);
	}
}

fn check_aggregation(job: &Value) {
	let d = num(&job["d"]) as usize;
	let t = num(&job["t"]) as usize;
	let shape = JobShape::new(num(&job["n"]) as u32, t as u32, d as u32).expect("shape");
	let providers = job["providers"].as_array().expect("providers");
	let per_provider: Vec<Vec<Share>> = providers.iter().map(|p| check_dealing(job, p)).collect();
	let qualified: Vec<usize> =
		job["qualified"].as_array().expect("qualified").iter().map(|q| num(q) as usize).collect();
	let commitment_sets: Vec<Vec<Commitment>> =
		qualified.iter().map(|&q| points(&providers[q]["commitments"])).collect();
	let aggregate = sum_commitments(t + 1, commitment_sets.iter().map(|c| &c[..])).expect("sizes");
	assert_eq!(aggregate, points(&job["aggregate_commitments"]));

	let mut result_shares = Vec::new();
	for (w, expected) in job["result_shares"].as_array().expect("result shares").iter().enumerate()
	{
		let i = idx(&expected["index"]);
		let share =
			ResultShare::aggregate(d, qualified.iter().map(|&q| &per_provider[q][w])).expect("sum");
		assert_eq!(share.values, scalars(&expected["S"]));
		assert_eq!(hex32(&share.blinding.to_bytes()), str_of(&expected["U"]));
		assert_eq!(
			share.verify(&shape, i, &aggregate),
			expected["valid"].as_bool().expect("valid")
		);
		result_shares.push((i, share));
	}
	for bad in job["invalid_result_shares"].as_array().expect("invalid") {
		let share = ResultShare { values: scalars(&bad["S"]), blinding: Scalar(scalar(&bad["U"])) };
		assert!(
			!share.verify(&shape, idx(&bad["index"]), &aggregate),
			"accepted: {}",
			bad["reason"]
		);
	}
	for rec in job["reconstructions"].as_array().expect("reconstructions") {
		let indices: Vec<ParticipantIndex> =
			rec["indices"].as_array().expect("indices").iter().map(idx).collect();
		assert_eq!(
			lagrange_coefficients_at_zero(&indices).expect("lagrange"),
			scalars(&rec["lagrange"])
		);
		let chosen: Vec<(ParticipantIndex, ResultShare)> = indices
			.iter()
			.map(|i| result_shares.iter().find(|(j, _)| j == i).cloned().expect("share"))
			.collect();
		let borrowed: Vec<(ParticipantIndex, &ResultShare)> =
			chosen.iter().map(|(i, s)| (*i, s)).collect();
		let output = reconstruct(&shape, &borrowed).expect("reconstruct");
		assert_eq!(output.values, scalars(&rec["y"]));
		assert_eq!(hex32(&output.blinding.to_bytes()), str_of(&rec["blinding"]));
		assert_eq!(output.verify(&aggregate[0]), rec["output_check"].as_bool().expect("check"));
		assert_eq!(verify_output(&shape, &aggregate, &chosen).ok(), Some(output.clone()));
		for (l, value) in output.decode().iter().enumerate() {
			assert_eq!(value.to_string(), str_of(&rec["decoded"][l]));
			let expected_i128 = str_of(&rec["i128"][l]);
			match value.to_i128() {
				Some(x) => assert_eq!(x.to_string(), expected_i128),
				None => assert_eq!(expected_i128, "overflow"),
			}
			let mean = value.floor_div(qualified.len() as u64).expect("non-empty");
			assert_eq!(mean.to_string(), str_of(&rec["mean"][l]));
		}
	}
}

#[test]
fn aggregation_matches() {
	check_aggregation(&vectors()["aggregation"]);
}

#[test]
fn aggregation_overflow_matches() {
	check_aggregation(&vectors()["aggregation_overflow"]);
}

#[test]
fn invalid_scalars_and_points_are_rejected() {
	let v = vectors();
	let r = &v["rejections"];
	for case in r["scalars"].as_array().expect("scalars") {
		assert!(Scalar::from_canonical_bytes(b32(&case["hex"])).is_err(), "{}", case["reason"]);
		assert!(DleqProof::from_bytes(
			&[b32(&case["hex"]), [0u8; 32]].concat().try_into().expect("64")
		)
		.is_err());
	}
	let cases = r["points"].as_array().expect("points");
	assert_eq!(cases.len(), 30);
	for case in cases {
		let b = b32(&case["hex"]);
		if b == [0u8; 32] {
			assert!(Point::from_bytes(&b).is_ok_and(|p| p.is_identity()));
			assert!(EncryptionKey::from_bytes(&b).is_err());
			assert!(EphemeralKey::from_bytes(&b).is_err());
			assert!(SharedKey::from_bytes(&b).is_err());
		} else {
			assert!(Point::from_bytes(&b).is_err(), "{}", case["reason"]);
		}
	}
}

#[test]
fn tampered_ciphertexts_and_wrong_aad_fail_to_decrypt() {
	let v = vectors();
	let r = &v["rejections"];
	for case in r["ciphertexts"].as_array().expect("ciphertexts") {
		let ctx = input_ctx(case, "provider");
		let secret = WorkerSecret::from_bytes(&b32(&case["e"])).expect("e");
		let eph = EphemeralKey::from_bytes(&b32(&case["R"])).expect("R");
		let opened = secret.open_share(
			&ctx,
			idx(&case["index"]),
			&eph,
			&bytes(&case["ciphertext"]),
			num(&case["d"]) as usize,
		);
		assert!(opened.is_err(), "{}", case["reason"]);
	}
	let case = &r["wrong_aad"];
	let other = input_ctx(case, "other_provider");
	let aad = share_aad(&other, idx(&case["index"]));
	assert_eq!(aad, bytes(&case["aad_other"]));
	let opened = decrypt_share(
		&b32(&case["key"]),
		&aad,
		&bytes(&case["ciphertext"]),
		num(&case["d"]) as usize,
	);
	assert!(opened.is_err());
	// And it does decrypt with the right AAD, so the failure is the AAD's doing.
	let own = share_aad(&input_ctx(case, "provider"), idx(&case["index"]));
	assert!(decrypt_share(&b32(&case["key"]), &own, &bytes(&case["ciphertext"]), 1).is_ok());
}

#[test]
fn bad_share_complaints_are_judged_as_the_vectors_say() {
	let v = vectors();
	let case = &v["rejections"]["bad_share"];
	check_dealing(case, case);
	let ctx = input_ctx(case, "provider");
	let d = num(&case["d"]) as usize;
	let eph = EphemeralKey::from_bytes(&b32(&case["R"])).expect("R");
	let commitments = points(&case["commitments"]);
	let complaints = case["complaints"].as_array().expect("complaints");
	assert_eq!(complaints.len(), 2);
	let mut verdicts = Vec::new();
	for complaint in complaints {
		let i = idx(&complaint["index"]);
		let w = i.get() as usize - 1;
		let secret = WorkerSecret::from_bytes(&b32(&case["worker_secrets"][w])).expect("e");
		let k = secret.shared_secret(&eph).into_public();
		assert_eq!(hex32(k.as_bytes()), str_of(&complaint["K"]));
		let statement = DleqStatement {
			input: &ctx,
			index: i,
			worker_key: secret.public_key(),
			ephemeral_key: &eph,
			shared_key: &k,
		};
		let proof = DleqProof::create_with_nonce(
			&statement,
			secret.secret_scalar(),
			&scalar(&complaint["k"]),
		);
		assert_eq!(hex::encode(proof.to_bytes()), str_of(&complaint["proof"]));
		let ciphertext = bytes(&case["workers"][w]["ciphertext"]);
		let subject = ComplaintSubject {
			input: &ctx,
			index: i,
			worker_key: secret.public_key(),
			ephemeral_key: &eph,
			commitments: &commitments,
			ciphertext: &ciphertext,
			dimension: d,
		};
		let verdict =
			crate::judge_complaint(&subject, &b32(&complaint["K"]), &b64(&complaint["proof"]))
				.expect("proof verifies");
		let name = match verdict {
			ComplaintVerdict::InputDisqualified { .. } => "input_disqualified",
			ComplaintVerdict::WorkerAtFault => "worker_at_fault",
		};
		assert_eq!(name, str_of(&complaint["verdict"]), "worker {}", i.get());
		verdicts.push(name);
	}
	assert!(verdicts.contains(&"input_disqualified") && verdicts.contains(&"worker_at_fault"));
}

#[test]
fn copied_submissions_are_rejected() {
	let v = vectors();
	let case = &v["rejections"]["copied_submission"];
	for attempt in case["attempts"].as_array().expect("attempts") {
		let mut merged = attempt.clone();
		merged["genesis"] = case["genesis"].clone();
		assert_eq!(
			judge_submission(&merged, "provider", case),
			str_of(&attempt["verdict"]),
			"{}",
			attempt["name"]
		);
	}
	let copier = input_ctx(case, "copier");
	let eph = EphemeralKey::from_bytes(&b32(&case["R"])).expect("R");
	let secrets = v["dealing"][0]["worker_secrets"].as_array().expect("secrets").clone();
	for (w, expected) in
		case["workers_decrypt_under_copier"].as_array().expect("list").iter().enumerate()
	{
		let secret = WorkerSecret::from_bytes(&b32(&secrets[w])).expect("e");
		let i = ParticipantIndex::new(w as u32 + 1).expect("index");
		let opened = secret.open_share(&copier, i, &eph, &bytes(&case["ciphertexts"][w]), 1);
		assert_eq!(opened.is_ok(), expected.as_bool().expect("bool"));
	}
}
