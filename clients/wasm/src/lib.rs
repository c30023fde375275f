//! # mpc-wasm
//!
//! What a data provider runs, from `mpc-primitives` itself, for JavaScript: dealing an input
//! to a committee with the proof that it obeys the job's rule (PROTOCOL.md sections 5 and 12),
//! so that the JS client needs no second implementation of the dealer or of Bulletproofs.
//!
//! The module is built for `wasm32-unknown-unknown` (`scripts/wasm`) and loaded with the
//! platform's own `WebAssembly.instantiate`: no generated glue, no tool beyond cargo. Its ABI is
//! three functions over byte buffers in the module's memory:
//! - `mpc_alloc(len) -> ptr`: a zeroed buffer of `len` bytes for the caller to fill;
//! - `mpc_deal(ptr, len) -> out`: reads a request ([`deal_request`]), zeroizes it, frees it,
//!   and returns a buffer `u32le status || u32le len || body` (status 0: the response; 1: a
//!   UTF-8 error message);
//! - `mpc_free(ptr, len)`: frees a buffer `mpc_alloc` or `mpc_deal` returned (for `mpc_deal`'s,
//!   `len` is `8 + body length`).
//!
//! The module has no entropy of its own: every request carries a 32-byte seed, which the
//! caller draws from the platform's CSPRNG (`crypto.getRandomValues`), for a ChaCha20 RNG.

use mpc_primitives::{deal_with_rule, EncryptionKey, InputContext, InputRule};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use zeroize::{Zeroize, Zeroizing};

/// Reads a request's fields in order.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
	fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
		if self.0.len() < n {
			return Err("request too short".into());
		}
		let (head, rest) = self.0.split_at(n);
		self.0 = rest;
		Ok(head)
	}

	fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
		let mut out = [0u8; N];
		out.copy_from_slice(self.take(N)?);
		Ok(out)
	}

	fn u32(&mut self) -> Result<u32, String> {
		Ok(u32::from_le_bytes(self.array()?))
	}
}

fn push_u32(out: &mut Vec<u8>, v: usize) -> Result<(), String> {
	let v = u32::try_from(v).map_err(|_| "too long".to_string())?;
	out.extend_from_slice(&v.to_le_bytes());
	Ok(())
}

/// Deals one input: the request, all integers little-endian,
///
/// `genesis[32] || u64 job_id || provider[32] || seed[32] || u32 t || u32 n || E_1..E_n [32 each]
/// || u32 d || x_0..x_{d-1} [i128, 16 each] || rule` (the rest: the SCALE encoding of the job's
/// `InputRule`, PROTOCOL.md section 12.1),
///
/// and the response
///
/// `R[32] || proof[64] || u32 (t + 1) || C_0..C_t [32 each] || u32 n || u32 ciphertext length ||
/// ct_1..ct_n || u32 validity length || validity`.
pub fn deal_request(request: &[u8]) -> Result<Vec<u8>, String> {
	let mut r = Reader(request);
	let genesis = r.array::<32>()?;
	let job_id = u64::from_le_bytes(r.array()?);
	let provider = r.array::<32>()?;
	let seed = Zeroizing::new(r.array::<32>()?);
	let t = r.u32()?;
	let n = r.u32()? as usize;
	let committee = (0..n)
		.map(|_| {
			let key = r.array::<32>()?;
			EncryptionKey::from_bytes(&key).map_err(|e| format!("committee key: {e}"))
		})
		.collect::<Result<Vec<_>, _>>()?;
	let d = r.u32()? as usize;
	let mut values = Zeroizing::new(Vec::with_capacity(d.min(request.len() / 16)));
	for _ in 0..d {
		values.push(i128::from_le_bytes(r.array()?));
	}
	let mut rule_bytes = r.0;
	let rule = <InputRule as codec::Decode>::decode(&mut rule_bytes)
		.map_err(|_| "input rule: not a SCALE InputRule".to_string())?;
	if !rule_bytes.is_empty() {
		return Err("input rule: trailing bytes".into());
	}
	let ctx = InputContext::new(genesis, job_id, provider);
	let mut rng = ChaCha20Rng::from_seed(*seed);
	let (submission, validity) = deal_with_rule(&ctx, &committee, t, &values, &rule, &mut rng)
		.map_err(|e| format!("dealing: {e}"))?;

	let mut out = Vec::new();
	out.extend_from_slice(&submission.ephemeral_key);
	out.extend_from_slice(&submission.proof);
	push_u32(&mut out, submission.commitments.len())?;
	for c in &submission.commitments {
		out.extend_from_slice(c);
	}
	push_u32(&mut out, submission.ciphertexts.len())?;
	push_u32(&mut out, submission.ciphertexts.first().map_or(0, Vec::len))?;
	for ct in &submission.ciphertexts {
		out.extend_from_slice(ct);
	}
	push_u32(&mut out, validity.len())?;
	out.extend_from_slice(&validity);
	Ok(out)
}

/// A zeroed buffer of `len` bytes in the module's memory.
#[no_mangle]
pub extern "C" fn mpc_alloc(len: usize) -> *mut u8 {
	Box::into_raw(vec![0u8; len].into_boxed_slice()).cast()
}

/// Frees a buffer of `len` bytes that [`mpc_alloc`] or [`mpc_deal`] returned.
///
/// # Safety
/// `ptr` and `len` must be exactly those of one such buffer, freed once.
#[no_mangle]
pub unsafe extern "C" fn mpc_free(ptr: *mut u8, len: usize) {
	// SAFETY: the caller passes a buffer this module made as a boxed slice of `len` bytes.
	drop(unsafe { Box::from_raw(core::ptr::slice_from_raw_parts_mut(ptr, len)) });
}

/// Deals the request in the buffer `ptr` of `len` bytes (from [`mpc_alloc`]), which it
/// zeroizes and frees; returns `u32le status || u32le len || body` ([`deal_request`]).
///
/// # Safety
/// `ptr` and `len` must be exactly those of a buffer [`mpc_alloc`] returned, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn mpc_deal(ptr: *mut u8, len: usize) -> *mut u8 {
	// SAFETY: as `mpc_free`'s: a boxed slice of `len` bytes this module made.
	let mut request = unsafe { Box::from_raw(core::ptr::slice_from_raw_parts_mut(ptr, len)) };
	let result = deal_request(&request);
	request.zeroize();
	drop(request);
	let (status, body) = match result {
		Ok(body) => (0u32, body),
		Err(message) => (1u32, message.into_bytes()),
	};
	let mut out = Vec::with_capacity(8 + body.len());
	out.extend_from_slice(&status.to_le_bytes());
	out.extend_from_slice(&(body.len() as u32).to_le_bytes());
	out.extend_from_slice(&body);
	Box::into_raw(out.into_boxed_slice()).cast()
}

#[cfg(test)]
mod tests {
	use super::*;
	use codec::Encode;
	use mpc_primitives::{verify_submission, verify_validity, Commitment, WorkerSecret};

	fn request(values: &[i128], rule: &InputRule, keys: &[EncryptionKey]) -> Vec<u8> {
		let mut out = vec![7u8; 32];
		out.extend_from_slice(&5u64.to_le_bytes());
		out.extend_from_slice(&[9u8; 32]);
		out.extend_from_slice(&[1u8; 32]);
		out.extend_from_slice(&1u32.to_le_bytes());
		out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
		for k in keys {
			out.extend_from_slice(k.as_bytes());
		}
		out.extend_from_slice(&(values.len() as u32).to_le_bytes());
		for v in values {
			out.extend_from_slice(&v.to_le_bytes());
		}
		out.extend_from_slice(&rule.encode());
		out
	}

	#[test]
	fn a_request_deals_a_submission_the_chain_accepts_with_a_valid_proof() {
		let keys: Vec<EncryptionKey> = (1..=3u8)
			.map(|n| *WorkerSecret::from_uniform_bytes(&[n; 64]).expect("key").public_key())
			.collect();
		let ctx = InputContext::new([7u8; 32], 5, [9u8; 32]);
		for (values, rule) in [
			(vec![1_000i128], InputRule::None),
			(vec![0, 1, 0], InputRule::OneHot { abstain: false }),
			(vec![-3, 70_000], InputRule::Range(vec![(-5, 5), (0, 100_000)])),
		] {
			// Through the ABI, as JavaScript calls it.
			let req = request(&values, &rule, &keys);
			let out = unsafe {
				let ptr = mpc_alloc(req.len());
				core::ptr::copy_nonoverlapping(req.as_ptr(), ptr, req.len());
				let out = mpc_deal(ptr, req.len());
				let header = core::slice::from_raw_parts(out, 8).to_vec();
				let len = u32::from_le_bytes(header[4..8].try_into().expect("4")) as usize;
				let bytes = core::slice::from_raw_parts(out, 8 + len).to_vec();
				mpc_free(out, 8 + len);
				bytes
			};
			assert_eq!(&out[..4], &[0, 0, 0, 0], "{}", String::from_utf8_lossy(&out[8..]));
			let body = &out[8..];
			let mut r = Reader(body);
			let ephemeral_key = r.array::<32>().expect("R");
			let proof = r.array::<64>().expect("proof");
			let commitments: Vec<[u8; 32]> =
				(0..r.u32().expect("count")).map(|_| r.array().expect("C")).collect();
			let n = r.u32().expect("n") as usize;
			let ct_len = r.u32().expect("length") as usize;
			let ciphertexts: Vec<Vec<u8>> =
				(0..n).map(|_| r.take(ct_len).expect("ct").to_vec()).collect();
			let v_len = r.u32().expect("validity length") as usize;
			let validity = r.take(v_len).expect("validity").to_vec();
			assert!(r.0.is_empty());
			let submission =
				mpc_primitives::Submission { ephemeral_key, proof, commitments, ciphertexts };
			let shape = mpc_primitives::JobShape::new(3, 1, values.len() as u32).expect("shape");
			assert!(verify_submission(&ctx, shape, submission.as_parts(), |_| false).is_ok());
			let c0 = Commitment::from_bytes(&submission.commitments[0]).expect("C_0");
			assert!(verify_validity(&ctx, values.len() as u32, &rule, &c0, &validity));
		}
	}

	#[test]
	fn bad_requests_are_errors_not_panics() {
		let keys: Vec<EncryptionKey> = (1..=3u8)
			.map(|n| *WorkerSecret::from_uniform_bytes(&[n; 64]).expect("key").public_key())
			.collect();
		let good = request(&[5], &InputRule::Range(vec![(0, 10)]), &keys);
		for cut in 0..good.len() {
			assert!(deal_request(&good[..cut]).is_err(), "cut at {cut}");
		}
		let out_of_range = request(&[11], &InputRule::Range(vec![(0, 10)]), &keys);
		assert_eq!(
			deal_request(&out_of_range).err().as_deref(),
			Some("dealing: value out of range")
		);
		let not_a_ballot = request(&[1, 1], &InputRule::OneHot { abstain: false }, &keys);
		assert!(deal_request(&not_a_ballot).is_err());
		let mut trailing = good.clone();
		trailing.push(0);
		assert!(deal_request(&trailing).is_err());
	}
}
