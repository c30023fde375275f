// PROTOCOL.md section 14 (threshold keys: FROST, Ed25519): an independent check of the FROST
// vectors (the file the Rust crate mpc-primitives produces and checks, test
// `frost_vectors_match`). Nothing here comes from the Rust side or from src/: every value is
// recomputed from the inputs of the file with @noble (curves, hashes, ciphers) and the spec
// text, and the signature is checked by @polkadot/util-crypto as an ordinary Ed25519
// signature. The last test fails if a field of the file was never read here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordedVectors } from './recorded-vectors.js';
import { Ed, B, G, ascii, fromHex, toHex, concat, u32le, u64le, mod, scalar, scalarBytes, hashToScalar, digest32, mulEd, mulRist, edPoint, ristPoint, edSum, lagrange, flip, H1, H2, H4, H5,
  verifyEnvelopeProof as verifyEnvelopeProofIn, shareKey as shareKeyIn, shareAad as shareAadIn, envelopeDigest as envelopeDigestIn } from './frost-math.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { cryptoWaitReady, ed25519Verify, signatureVerify } from '@polkadot/util-crypto';

const { V, unread } = recordedVectors('frost-v1.json');

// ---- Encodings (sections 1 and 14.1): frost-math.js; and ----

/** sum_k x^k * C_k */
const evalCommitments = (commitments, x) => {
  let acc = Ed.ZERO;
  let power = 1n;
  for (const C of commitments) {
    acc = acc.add(mulEd(C, power));
    power = mod(power * x);
  }
  return acc;
};
// ---- The vectors ----

const genesis = fromHex(V.genesis);
const keyIndex = BigInt(V.key);
const attempt = V.attempt;
const n = V.n;
const t = V.t;
/** id(i): the scalar i, 32 bytes little-endian. */
const id = (i) => scalarBytes(BigInt(i));
const member = (i) => V.members[i - 1];
const memberSecret = (i) => scalar(fromHex(member(i).e));
const memberKey = (i) => ristPoint(fromHex(member(i).E));
const account = (i) => fromHex(member(i).account);
const commitmentsOf = (j) => member(j).round1.commitments.map((h) => edPoint(fromHex(h)));
const indices = Array.from({ length: n }, (_, k) => k + 1);
/** The position of recipient i's ciphertext in sender j's envelope: the members without j, in order. */
const position = (j, i) => indices.filter((m) => m !== j).indexOf(i);
/** The attempt context of 14.1 and the sender's: genesis || u64le(k) || u32le(a) || u32le(j). */
const context = () => concat(genesis, u64le(keyIndex), u32le(attempt));
const senderContext = (j) => concat(context(), u32le(j));

// ---- Section 14 formulas, as the spec states them ----

/** 14.3: c = H_DKG(id(i) || φ_{i,0} || R_i); accept iff R_i == μ_i*B - c*φ_{i,0}. */
const verifyRound1Proof = (i, commitments, proof) => {
  try {
    assert.equal(proof.length, 64);
    const phi0 = edPoint(commitments[0]);
    const R = edPoint(proof.subarray(0, 32));
    const mu = scalar(proof.subarray(32));
    const c = hashToScalar(ascii('FROST-ED25519-SHA512-v1'), ascii('dkg'), id(i), commitments[0], proof.subarray(0, 32));
    return R.equals(mulEd(B, mu).subtract(mulEd(phi0, c)));
  } catch {
    return false;
  }
};

/** 14.4 step 2, in this attempt's context unless another is given. */
const verifyEnvelopeProof = ({ ctx = context(), ...rest }) => verifyEnvelopeProofIn({ ctx, ...rest });

/** 14.4 step 3: key_{j,i} and aad_{j,i}. */
const shareKey = (j, i, E, Ei, K) => shareKeyIn(senderContext(j), i, E, Ei, K);
const shareAad = (j, i) => shareAadIn(senderContext(j), i);
const openShare = (j, i, E, K, ciphertext) => {
  assert.equal(ciphertext.length, 48);
  const plain = chacha20poly1305(shareKey(j, i, E, memberKey(i).toBytes(), K), new Uint8Array(12), shareAad(j, i)).decrypt(ciphertext);
  return scalar(plain);
};
/** 14.5: s*B == sum_k id(i)^k * φ_{j,k}. */
const shareMatches = (i, s, commitments) => mulEd(B, s).equals(evalCommitments(commitments, BigInt(i)));

/** 14.5: h_j = SHA512(tag || ctx || u32le(j) || φ_{j,0..t} || E || ct...)[0..32]. */
const envelopeDigest = (j, commitments, E, ciphertexts) => envelopeDigestIn(senderContext(j), commitments, E, ciphertexts);

/** 14.5: the DLEQ of a complaint, verified as in section 7. */
const verifyDleq = ({ j, i, Ei, E, K, proof }) => {
  try {
    const c = scalar(proof.subarray(0, 32));
    const z = scalar(proof.subarray(32, 64));
    const A = mulRist(G, z).subtract(mulRist(ristPoint(Ei), c));
    const Bp = mulRist(ristPoint(E), z).subtract(mulRist(ristPoint(K), c));
    return c === hashToScalar(ascii('substrate-mpc/v1/frost/dleq'), senderContext(j), u32le(i), Ei, E, K, A.toBytes(), Bp.toBytes());
  } catch {
    return false;
  }
};


// ---- Values the tests share ----

/** s_{j,i} for j != i, as member i opens it from sender j's envelope (K = e_i * E_j). */
const openedShares = new Map();
const opened = (j, i) => {
  assert.notEqual(j, i);
  const key = `${j},${i}`;
  if (!openedShares.has(key)) {
    const env = member(j).envelope;
    const E = fromHex(env.ephemeral_key);
    const K = mulRist(ristPoint(E), memberSecret(i)).toBytes();
    openedShares.set(key, openShare(j, i, E, K, fromHex(env.ciphertexts[position(j, i)])));
  }
  return openedShares.get(key);
};
/** s_{j,i} for every i and j: a sender's share for itself is the value at id(j) of its
 * polynomial, interpolated from the n - 1 shares it sent (at least t + 1 of them). */
const share = (j, i) => {
  if (j !== i) return opened(j, i);
  const xs = indices.filter((m) => m !== j).map(BigInt);
  assert.ok(xs.length >= t + 1, 'enough shares to interpolate');
  const used = xs.slice(0, t + 1);
  return mod(used.reduce((acc, x) => acc + opened(j, Number(x)) * lagrange(x, used, BigInt(j)), 0n));
};

test('the committee: identifiers, worker keys, threshold', () => {
  assert.equal(V.section, 'PROTOCOL.md section 14');
  assert.equal(V.members.length, n);
  assert.ok(t >= 1 && t + 1 <= n, '1 <= t, t + 1 <= n');
  assert.ok(Number.isInteger(attempt) && attempt >= 0);
  assert.ok(Number.isInteger(V.key) && V.key >= 0);
  assert.equal(genesis.length, 32);
  V.members.forEach((m, k) => {
    const i = k + 1;
    assert.equal(m.index, i);
    assert.equal(m.identifier, toHex(id(i)), `id(${i})`);
    assert.equal(toHex(mulRist(G, memberSecret(i)).toBytes()), m.E, `E_${i} = e_${i} * G`);
    assert.equal(fromHex(m.account).length, 32);
    assert.equal(m.round1.commitments.length, t + 1, 't + 1 commitments');
    assert.equal(m.envelope.ciphertexts.length, n - 1, 'n - 1 ciphertexts');
  });
  // Distinct φ_{i,0} and E across the attempt.
  assert.equal(new Set(V.members.map((m) => m.round1.commitments[0])).size, n);
  assert.equal(new Set(V.members.map((m) => m.envelope.ephemeral_key)).size, n);
});

test('round 1: each proof of knowledge verifies on Ed25519; a changed byte or identifier does not', () => {
  for (const m of V.members) {
    const commitments = m.round1.commitments.map(fromHex);
    commitments.forEach((c) => edPoint(c)); // every commitment is valid
    const proof = fromHex(m.round1.proof);
    assert.equal(verifyRound1Proof(m.index, commitments, proof), true, `proof of member ${m.index}`);
    for (let byte = 0; byte < 64; byte += 7) {
      assert.equal(verifyRound1Proof(m.index, commitments, flip(proof, byte)), false, `member ${m.index}, byte ${byte} flipped`);
    }
    assert.equal(verifyRound1Proof(m.index, [flip(commitments[0], 0), ...commitments.slice(1)], proof), false, 'another φ_0');
    assert.equal(verifyRound1Proof((m.index % n) + 1, commitments, proof), false, 'another identifier');
  }
  // The proof is the sender's own: another member's proof does not verify for this package.
  assert.equal(verifyRound1Proof(1, member(1).round1.commitments.map(fromHex), fromHex(member(2).round1.proof)), false);
});

test('round 2: each envelope\'s proof of knowledge of r verifies; another context does not', () => {
  for (const m of V.members) {
    const params = { j: m.index, account: fromHex(m.account), E: fromHex(m.envelope.ephemeral_key), proof: fromHex(m.envelope.proof) };
    ristPoint(params.E);
    assert.equal(verifyEnvelopeProof(params), true, `envelope of member ${m.index}`);
    for (let byte = 0; byte < 64; byte += 9) {
      assert.equal(verifyEnvelopeProof({ ...params, proof: flip(params.proof, byte) }), false, `byte ${byte}`);
    }
    const other = (m.index % n) + 1;
    assert.equal(verifyEnvelopeProof({ ...params, account: account(other) }), false, 'another account');
    assert.equal(verifyEnvelopeProof({ ...params, j: other }), false, 'another sender');
    assert.equal(verifyEnvelopeProof({ ...params, E: fromHex(member(other).envelope.ephemeral_key) }), false, 'another E');
    for (const ctx of [
      concat(genesis, u64le(keyIndex + 1n), u32le(attempt)),
      concat(genesis, u64le(keyIndex), u32le(attempt + 1)),
      concat(flip(genesis, 0), u64le(keyIndex), u32le(attempt)),
    ]) assert.equal(verifyEnvelopeProof({ ...params, ctx }), false, 'another key, attempt or chain');
  }
});

test('round 2: every share opens with its recipient\'s secret and matches the sender\'s commitments', () => {
  for (const i of indices) {
    for (const j of indices) {
      if (j === i) continue;
      const env = member(j).envelope;
      const E = fromHex(env.ephemeral_key);
      const ct = fromHex(env.ciphertexts[position(j, i)]);
      const K = mulRist(ristPoint(E), memberSecret(i)).toBytes();
      const s = openShare(j, i, E, K, ct);
      assert.equal(shareMatches(i, s, commitmentsOf(j)), true, `s_{${j},${i}} * B == sum_k id(${i})^k φ_{${j},k}`);
      assert.equal(shareMatches((i % n) + 1, s, commitmentsOf(j)), false, 'not the share of another member');
      // Only the recipient opens it: another member's K, another recipient index in the key or
      // the AAD, or a changed byte fails the tag.
      const other = indices.find((m) => m !== i && m !== j);
      const Kother = mulRist(ristPoint(E), memberSecret(other)).toBytes();
      assert.throws(() => openShare(j, i, E, Kother, ct), /tag|invalid/i);
      assert.throws(() => openShare(j, other, E, K, ct), /tag|invalid/i);
      assert.throws(() => openShare(j, i, E, K, flip(ct, 5)), /tag|invalid/i);
    }
  }
});

test('secret shares: x_i = sum_j s_{j,i}, x_i * B == Y_i, and they interpolate to the group key', () => {
  const Y = edPoint(fromHex(V.group_key));
  const secrets = indices.map((i) => {
    // The member's share of its own polynomial, recovered from the shares it sent, matches its
    // commitments too.
    assert.equal(shareMatches(i, share(i, i), commitmentsOf(i)), true, `s_{${i},${i}}`);
    const x = mod(indices.reduce((acc, j) => acc + share(j, i), 0n));
    assert.equal(toHex(mulEd(B, x).toBytes()), V.verifying_shares[i - 1], `x_${i} * B == Y_${i}`);
    return x;
  });
  // Any t + 1 of the x_i interpolate to the discrete log of Y; t of them do not.
  const subsets = (size, from = indices) => (size === 0 ? [[]] : from.flatMap((x, k) => subsets(size - 1, from.slice(k + 1)).map((rest) => [x, ...rest])));
  const interpolate = (set) => mod(set.reduce((acc, x) => acc + secrets[Number(x) - 1] * lagrange(x, set), 0n));
  for (const set of subsets(t + 1).map((ids) => ids.map(BigInt))) {
    assert.ok(mulEd(B, interpolate(set)).equals(Y), `interpolation over ${set}`);
  }
  for (const set of subsets(t).map((ids) => ids.map(BigInt))) {
    assert.ok(!mulEd(B, interpolate(set)).equals(Y), `no interpolation over ${set}`);
  }
});

test('the key: group key, verifying shares, key digest and envelope digests (14.5)', () => {
  const Phi = Array.from({ length: t + 1 }, (_, k) => edSum(indices.map((j) => commitmentsOf(j)[k])));
  assert.equal(toHex(Phi[0].toBytes()), V.group_key, 'Y = Φ_0 = sum_j φ_{j,0}');
  edPoint(fromHex(V.group_key));
  assert.equal(V.verifying_shares.length, n);
  indices.forEach((i) => {
    assert.equal(toHex(evalCommitments(Phi, BigInt(i)).toBytes()), V.verifying_shares[i - 1], `Y_${i}`);
    edPoint(fromHex(V.verifying_shares[i - 1]));
  });
  const PhiBytes = Phi.map((P) => P.toBytes());
  const keyDigest = digest32(ascii('substrate-mpc/v1/frost/key'), genesis, u64le(keyIndex), u32le(t), u32le(n), ...PhiBytes);
  assert.equal(toHex(keyDigest), V.key_digest, 'SHA512("substrate-mpc/v1/frost/key" || genesis || u64le(k) || u32le(t) || u32le(n_a) || Φ_0..Φ_t)[0..32]');
  for (const m of V.members) {
    const env = m.envelope;
    const h = envelopeDigest(m.index, m.round1.commitments.map(fromHex), fromHex(env.ephemeral_key), env.ciphertexts.map(fromHex));
    assert.equal(toHex(h), env.digest, `h_${m.index}`);
    // The digest binds the sender, its commitments, E and every ciphertext; not the proofs.
    const other = (m.index % n) + 1;
    assert.notEqual(toHex(envelopeDigest(other, m.round1.commitments.map(fromHex), fromHex(env.ephemeral_key), env.ciphertexts.map(fromHex))), env.digest);
    assert.notEqual(toHex(envelopeDigest(m.index, member(other).round1.commitments.map(fromHex), fromHex(env.ephemeral_key), env.ciphertexts.map(fromHex))), env.digest);
    assert.notEqual(toHex(envelopeDigest(m.index, m.round1.commitments.map(fromHex), fromHex(member(other).envelope.ephemeral_key), env.ciphertexts.map(fromHex))), env.digest);
    const cts = env.ciphertexts.map(fromHex);
    assert.notEqual(toHex(envelopeDigest(m.index, m.round1.commitments.map(fromHex), fromHex(env.ephemeral_key), [...cts.slice(0, -1), flip(cts.at(-1), 47)])), env.digest);
    assert.notEqual(toHex(envelopeDigest(m.index, m.round1.commitments.map(fromHex), fromHex(env.ephemeral_key), [...cts].reverse())), env.digest);
  }
});

test('signing: nonces, commitments, binding factors and shares (RFC 9591 5.4); R and z of the signature', () => {
  const sg = V.signing;
  const m = fromHex(sg.message);
  const Y = edPoint(fromHex(V.group_key));
  const YBytes = fromHex(V.group_key);
  const signers = sg.signers;
  assert.equal(signers.length, t + 1, 't + 1 signers');
  const ids = signers.map((x) => x.index);
  assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'signers in identifier order');
  assert.equal(new Set(ids).size, ids.length);
  const parts = signers.map((x) => {
    const nonces = fromHex(x.nonces);
    assert.equal(nonces.length, 64);
    const d = scalar(nonces.subarray(0, 32));
    const f = scalar(nonces.subarray(32));
    const D = edPoint(fromHex(x.hiding));
    const F = edPoint(fromHex(x.binding));
    assert.equal(toHex(mulEd(B, d).toBytes()), x.hiding, `D_${x.index} = d * B`);
    assert.equal(toHex(mulEd(B, f).toBytes()), x.binding, `F_${x.index} = f * B`);
    return { i: x.index, d, f, D, F, z: scalar(fromHex(x.share)) };
  });
  // Binding factors.
  const list = concat(...signers.map((x) => concat(id(x.index), fromHex(x.hiding), fromHex(x.binding))));
  const prefix = concat(YBytes, H4(m), H5(list));
  for (const p of parts) p.rho = H1(concat(prefix, id(p.i)));
  // Group commitment and challenge.
  const R = edSum(parts.map((p) => p.D.add(mulEd(p.F, p.rho))));
  const signature = fromHex(sg.signature);
  assert.equal(signature.length, 64);
  assert.equal(toHex(R.toBytes()), toHex(signature.subarray(0, 32)), 'R = sum_i (D_i + rho_i F_i)');
  const z = mod(parts.reduce((acc, p) => acc + p.z, 0n));
  assert.equal(toHex(scalarBytes(z)), toHex(signature.subarray(32)), 'z = sum_i z_i');
  const c = H2(concat(R.toBytes(), YBytes, m));
  // RFC 8032: z*B == R + c*Y.
  assert.ok(mulEd(B, z).equals(R.add(mulEd(Y, c))));
  // Each share, as the chain checks it (14.6 step 2, RFC 9591 5.4).
  const xs = ids.map(BigInt);
  for (const p of parts) {
    const lambda = lagrange(BigInt(p.i), xs);
    const Yi = edPoint(fromHex(V.verifying_shares[p.i - 1]));
    const check = (zi, Yi_ = Yi) => mulEd(B, zi).equals(p.D.add(mulEd(p.F, p.rho)).add(mulEd(Yi_, c * lambda)));
    assert.equal(check(p.z), true, `z_${p.i}`);
    assert.equal(check(p.z + 1n), false, `z_${p.i} + 1`);
    const other = indices.find((k) => !ids.includes(k));
    assert.equal(check(p.z, edPoint(fromHex(V.verifying_shares[other - 1]))), false, 'another verifying share');
    // The share is RFC 9591's z_i = d + rho*f + lambda*c*x_i with the member's secret share
    // x_i = sum_j s_{j,i} opened from the envelopes.
    const x = mod(indices.reduce((acc, j) => acc + share(j, p.i), 0n));
    assert.equal(p.z, mod(p.d + p.rho * p.f + lambda * c * x), `z_${p.i} from the nonces and x_${p.i}`);
  }
});

test('the signature is an ordinary Ed25519 signature by the group key', async () => {
  await cryptoWaitReady();
  const sg = V.signing;
  const message = fromHex(sg.message);
  const signature = fromHex(sg.signature);
  const publicKey = fromHex(V.group_key);
  assert.equal(new TextDecoder().decode(message), 'substrate-mpc frost vector');
  assert.equal(ed25519Verify(message, signature, publicKey), true, 'ed25519Verify (wasm)');
  assert.equal(ed25519Verify(message, signature, publicKey, true), true, 'ed25519Verify (js)');
  assert.equal(signatureVerify(message, signature, publicKey).isValid, true, 'signatureVerify');
  assert.equal(signatureVerify(message, signature, publicKey).crypto, 'ed25519');
  assert.equal(ed25519.verify(signature, message, publicKey), true, '@noble/curves');
  // A changed message, signature or key fails.
  assert.equal(ed25519Verify(flip(message, 0), signature, publicKey), false);
  assert.equal(ed25519Verify(concat(message, new Uint8Array([0])), signature, publicKey), false);
  assert.equal(ed25519Verify(message, flip(signature, 40), publicKey), false);
  assert.equal(ed25519Verify(message, signature, fromHex(V.verifying_shares[0])), false);
  assert.equal(signatureVerify(flip(message, 3), signature, publicKey).isValid, false);
});

test('the complaint: K and the DLEQ verify, the share fails the commitments, the digest names the envelope', () => {
  const c = V.complaint;
  const j = c.sender;
  const i = c.recipient;
  assert.notEqual(i, j);
  const env = c.envelope;
  const E = fromHex(env.ephemeral_key);
  const Ei = memberKey(i).toBytes();
  const K = fromHex(c.shared_key);
  // K_{j,i} = e_i * E.
  assert.equal(toHex(mulRist(ristPoint(E), memberSecret(i)).toBytes()), c.shared_key);
  const proof = fromHex(c.proof);
  const params = { j, i, Ei, E, K, proof };
  assert.equal(verifyDleq(params), true, 'DLEQ log_G(E_i) == log_E(K)');
  for (const over of [
    { proof: flip(proof, 0) }, { proof: flip(proof, 40) }, { i: (i % n) + 1 },
    { j: indices.find((k) => k !== i && k !== j) }, { K: mulRist(ristPoint(K), 2n).toBytes() },
    { Ei: memberKey(j).toBytes() }, { E: fromHex(member(1).envelope.ephemeral_key) },
  ]) assert.equal(verifyDleq({ ...params, ...over }), false, JSON.stringify(Object.keys(over)));
  // The envelope: sender j's (same E and proof, which verify), its digest over j's commitments.
  assert.equal(env.ciphertexts.length, n - 1);
  assert.equal(verifyEnvelopeProof({ j, account: account(j), E, proof: fromHex(env.proof) }), true);
  const commitments = member(j).round1.commitments.map(fromHex);
  const h = envelopeDigest(j, commitments, E, env.ciphertexts.map(fromHex));
  assert.equal(toHex(h), env.digest, 'h_j of the complained envelope');
  assert.notEqual(env.digest, member(j).envelope.digest, 'another envelope than the one of the key');
  // The chain's judgement: with the revealed K, the ciphertext opens (the tag is right) to a
  // share that fails the commitment check: the sender is at fault.
  const s = openShare(j, i, E, K, fromHex(env.ciphertexts[position(j, i)]));
  assert.equal(shareMatches(i, s, commitmentsOf(j)), false, 'the share does not match the commitments');
  assert.match(c.verdict, /^sender at fault: the share does not match the commitments$/);
  // It is the right share plus one; the envelope's other ciphertexts are the good ones.
  assert.equal(s, mod(share(j, i) + 1n));
  indices.filter((k) => k !== j && k !== i).forEach((k) => {
    assert.equal(openShare(j, k, E, mulRist(ristPoint(E), memberSecret(k)).toBytes(), fromHex(env.ciphertexts[position(j, k)])), share(j, k));
  });
  // The faulty envelope has its own E (never two plaintexts under one key and nonce); the good
  // envelope's ciphertext, opened with its own K, passes: a complaint on it would be false.
  const goodE = fromHex(member(j).envelope.ephemeral_key);
  assert.notEqual(toHex(goodE), env.ephemeral_key);
  const goodK = mulRist(ristPoint(goodE), memberSecret(i)).toBytes();
  const good = openShare(j, i, goodE, goodK, fromHex(member(j).envelope.ciphertexts[position(j, i)]));
  assert.equal(shareMatches(i, good, commitmentsOf(j)), true);
});

test('the digests that name an attempt (A, 14.3), a confirmation (C, 14.5) and a signing package (P, 14.6), and a committee seed (14.8)', () => {
  // A = SHA512("substrate-mpc/v1/frost/attempt" || genesis || u64le(k) || u32le(a) || u32le(t) || u32le(n_a) || W_1 || E_1 || ...)[0..32]
  const A = digest32(
    ascii('substrate-mpc/v1/frost/attempt'), genesis, u64le(keyIndex), u32le(attempt), u32le(t), u32le(n),
    ...indices.flatMap((i) => [account(i), fromHex(member(i).E)]),
  );
  assert.equal(toHex(A), V.attempt_digest);
  // C = SHA512("substrate-mpc/v1/frost/confirm" || genesis || u64le(k) || u32le(a) || u32le(n_a) || h_1 || ... || h_{n_a})[0..32] (14.5)
  const C = digest32(
    ascii('substrate-mpc/v1/frost/confirm'), genesis, u64le(keyIndex), u32le(attempt), u32le(n),
    ...indices.map((i) => fromHex(member(i).envelope.digest)),
  );
  assert.equal(toHex(C), V.confirm_digest);
  // P = SHA512("substrate-mpc/v1/frost/package" || genesis || u64le(k) || u64le(s) || u32le(b) || u32le(|m|) || m || (u32le(i) || D_i || F_i) in increasing i)[0..32]
  const sg = V.signing;
  const m = fromHex(sg.message);
  const signers = [...sg.signers].sort((x, y) => x.index - y.index);
  const P = digest32(
    ascii('substrate-mpc/v1/frost/package'), genesis, u64le(keyIndex), u64le(BigInt(sg.request)), u32le(sg.attempt),
    u32le(m.length), m, ...signers.flatMap((x) => [u32le(x.index), fromHex(x.hiding), fromHex(x.binding)]),
  );
  assert.equal(toHex(P), sg.package_digest);
  // Another message or request names another package.
  assert.notEqual(toHex(digest32(ascii('substrate-mpc/v1/frost/package'), genesis, u64le(keyIndex), u64le(BigInt(sg.request) + 1n))), sg.package_digest);
  // seed_K = SHA512("substrate-mpc/v1/frost/committee" || rho || u64le(k))[0..32]
  const seed = digest32(ascii('substrate-mpc/v1/frost/committee'), fromHex(V.committee_seed.rho), u64le(keyIndex));
  assert.equal(toHex(seed), V.committee_seed.seed);
});

// Last: every value of the file was read by a test above.
test('every field of the vectors is reproduced or checked', () => {
  assert.deepEqual(unread(), [], 'fields of frost-v1.json no test reads');
});
