// PROTOCOL.md section 14.9 (refresh of a threshold key): an independent check of the refresh
// vectors (primitives/tests/vectors/frost-refresh-v1.json, written by the Rust crate
// mpc-primitives). Nothing here comes from the Rust side or from src/: every value is
// recomputed from the inputs of the file with @noble (curves, hashes, ciphers) and the spec
// text (sections 1, 14.1, 14.4, 14.5, 14.6 and 14.9), and the signature made with the refreshed
// shares is checked by @polkadot/util-crypto as an ordinary Ed25519 signature. Members are named
// by their identifiers throughout (14.9: `i` and `j` are identifiers, also in every u32le), and
// the identifiers of R have a gap (the left-out member), so a position used in place of an
// identifier fails a test. The last test fails if a field of the file was never read here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordedVectors } from './recorded-vectors.js';
import { Ed, B, G, L, ascii, fromHex, toHex, concat, u32le, u64le, mod, scalar, scalarBytes, digest32, mulEd, mulRist, edPoint, ristPoint, edSum, lagrange, flip, H1, H2, H4, H5,
  verifyEnvelopeProof as verifyEnvelopeProofIn, shareKey as shareKeyIn, shareAad as shareAadIn, envelopeDigest as envelopeDigestIn } from './frost-math.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { cryptoWaitReady, ed25519Verify, signatureVerify } from '@polkadot/util-crypto';

const { V, unread } = recordedVectors('frost-refresh-v1.json');

// ---- Encodings (sections 1 and 14.1): frost-math.js; and ----

/** 14.9: sum_{k=1..t} x^k * Ψ_k, for a refresh package [Ψ_1..Ψ_t] (no constant term). */
const evalPackage = (Psi, x) => {
  let acc = Ed.ZERO;
  let power = mod(x);
  for (const P of Psi) {
    acc = acc.add(mulEd(P, power));
    power = mod(power * x);
  }
  return acc;
};
/** Every subset of `from` with `size` elements, in order. */
const subsets = (size, from) => (size === 0 ? [[]] : from.flatMap((x, k) => subsets(size - 1, from.slice(k + 1)).map((rest) => [x, ...rest])));

// ---- The vectors ----

const genesis = fromHex(V.genesis);
const keyIndex = BigInt(V.key);
const attempt = V.attempt;
const t = V.t;
/** R: the identifiers of the refresh's members, in the file's order (increasing, checked below). */
const ids = V.members.map((m) => m.identifier);
const nR = ids.length;
/** The key's members before the refresh: old_verifying_shares is indexed by identifier 1..n. */
const nOld = V.old_verifying_shares.length;
/** id(i): the scalar i, 32 bytes little-endian. */
const id = (i) => scalarBytes(BigInt(i));
const member = (i) => {
  const m = V.members.find((x) => x.identifier === i);
  assert.ok(m, `member ${i} is in R`);
  return m;
};
/** i's 0-based position in R (new_verifying_shares are in the order of R). */
const slot = (i) => {
  const k = ids.indexOf(i);
  assert.ok(k >= 0, `member ${i} is in R`);
  return k;
};
const memberSecret = (i) => scalar(fromHex(member(i).e));
const memberKey = (i) => ristPoint(fromHex(member(i).E));
const account = (i) => fromHex(member(i).account);
/** Ψ_{j,1..t}. */
const packageOf = (j) => member(j).package.map((h) => edPoint(fromHex(h)));
/** 14.9: the ciphertext for i sits at i's position among the members of R other than j. */
const position = (j, i) => ids.filter((m) => m !== j).indexOf(i);
/** The attempt context of 14.1: genesis || u64le(k) || u32le(a); the sender's adds u32le(j). */
const context = () => concat(genesis, u64le(keyIndex), u32le(attempt));
const senderContext = (j) => concat(context(), u32le(j));
/** A member whose 1-based position in R is not its identifier (after the gap). */
const shifted = () => ids.filter((i) => slot(i) + 1 !== i);

// ---- Section 14 formulas, as the spec states them ----

/** 14.9: A_r over R in order, u32le(i) || W_i || E_i per member. */
const refreshDigest = ({ tag = 'substrate-mpc/v1/frost/refresh', label = (i) => u32le(i), members = ids, n = members.length } = {}) => digest32(
  ascii(tag), genesis, u64le(keyIndex), u32le(attempt), u32le(t), u32le(n),
  ...members.flatMap((i) => [label(i), account(i), fromHex(member(i).E)]),
);

/** 14.4 step 2, in this attempt's context unless another is given. */
const verifyEnvelopeProof = ({ ctx = context(), ...rest }) => verifyEnvelopeProofIn({ ctx, ...rest });

/** 14.4 step 3: key_{j,i} and aad_{j,i}, with identifiers j and i (14.9). */
const shareKey = (j, i, E, Ei, K) => shareKeyIn(senderContext(j), i, E, Ei, K);
const shareAad = (j, i) => shareAadIn(senderContext(j), i);
/** Opens ct_{j,i} for recipient i (worker key E_i); `label` names j and i in the KDF and the AAD. */
const openShare = (j, i, E, K, ciphertext, label = (x) => x) => {
  assert.equal(ciphertext.length, 48);
  const plain = chacha20poly1305(shareKey(label(j), label(i), E, memberKey(i).toBytes(), K), new Uint8Array(12), shareAad(label(j), label(i))).decrypt(ciphertext);
  return scalar(plain);
};
/** 14.9: s*B == sum_{k=1..t} id(i)^k * Ψ_{j,k}. */
const shareMatches = (i, s, Psi) => mulEd(B, s).equals(evalPackage(Psi, BigInt(i)));

/** 14.5 with 14.9: h_j = SHA512(tag || ctx || u32le(j) || Ψ_{j,1..t} || E || ct...)[0..32]. */
const envelopeDigest = (j, Psi, E, ciphertexts) => envelopeDigestIn(senderContext(j), Psi, E, ciphertexts);


// ---- Values the tests share ----

/** s_{j,i} = g_j(id(i)) for j != i, as member i opens it from sender j's envelope (K = e_i * E). */
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
/** g_i(id(i)), interpolated at x = i from the t + 1 points (0, 0) and (m, s_{i,m}) for the given t
 * other members m of R (g_i has degree t and g_i(0) = 0). */
const ownValue = (i, others) => {
  assert.equal(others.length, t);
  assert.ok(!others.includes(i));
  const xs = [0n, ...others.map(BigInt)];
  return mod(others.reduce((acc, m) => acc + opened(i, m) * lagrange(BigInt(m), xs, BigInt(i)), 0n));
};
const ownShare = (i) => ownValue(i, ids.filter((m) => m !== i).slice(0, t));
const oldShare = (i) => scalar(fromHex(member(i).old_share));
/** 14.9: x_i' = x_i + sum_{j in R} g_j(id(i)). */
const newShare = (i) => mod(oldShare(i) + ownShare(i) + ids.filter((j) => j !== i).reduce((acc, j) => acc + opened(j, i), 0n));
/** Interpolation at 0 of the values (x, y) (scalars). */
const interpolate = (points) => {
  const xs = points.map(([x]) => BigInt(x));
  return mod(points.reduce((acc, [x, y]) => acc + y * lagrange(BigInt(x), xs), 0n));
};
/** Interpolation at 0 in the exponent of the values (x, Y) (points). */
const interpolatePoints = (points) => {
  const xs = points.map(([x]) => BigInt(x));
  return edSum(points.map(([x, P]) => mulEd(P, lagrange(BigInt(x), xs))));
};

test('the members of R: identifiers in increasing order without the left-out member, worker keys, t and counts', () => {
  assert.equal(V.section, 'PROTOCOL.md section 14.9');
  assert.equal(genesis.length, 32);
  assert.ok(Number.isInteger(V.key) && V.key >= 0);
  // Attempt numbers go on from the DKG's (which took at least attempt 0).
  assert.ok(Number.isInteger(attempt) && attempt >= 1, 'a refresh attempt follows the DKG\'s');
  assert.ok(Number.isInteger(t) && t >= 1);
  assert.ok(nR >= t + 1, 'n_r >= t + 1');
  assert.ok(nR <= nOld, 'R is a sub-list of the key\'s members');
  ids.forEach((i, k) => {
    assert.ok(Number.isInteger(i) && i >= 1 && i <= nOld, `identifier ${i} is one of the key's`);
    if (k > 0) assert.ok(ids[k - 1] < i, 'identifiers in increasing order');
  });
  const left = V.left_out;
  assert.ok(Number.isInteger(left) && left >= 1 && left <= nOld);
  assert.ok(!ids.includes(left), 'the left-out member is not in R');
  // Here R is the key's members but one; the gap makes identifiers and positions differ.
  assert.equal(nR, nOld - 1);
  assert.deepEqual([...ids, left].sort((a, b) => a - b), Array.from({ length: nOld }, (_, k) => k + 1));
  assert.ok(shifted().length > 0, 'some member\'s identifier is not its position in R');
  for (const m of V.members) {
    const i = m.identifier;
    const e = memberSecret(i);
    assert.notEqual(e, 0n);
    assert.equal(toHex(mulRist(G, e).toBytes()), m.E, `E_${i} = e_${i} * G`);
    assert.notEqual(toHex(mulRist(G, e + 1n).toBytes()), m.E);
    assert.equal(account(i).length, 32);
    assert.equal(m.package.length, t, 't commitments');
    assert.equal(m.envelope.ciphertexts.length, nR - 1, 'n_r - 1 ciphertexts');
  }
  assert.equal(new Set(V.members.map((m) => m.E)).size, nR, 'distinct worker keys');
  assert.equal(new Set(V.members.map((m) => m.account)).size, nR, 'distinct accounts');
  assert.equal(V.new_verifying_shares.length, nR, 'one new verifying share per member of R');
});

test('the refresh digest A_r (14.9) over R, identifiers included', () => {
  // A_r = SHA512("substrate-mpc/v1/frost/refresh" || genesis || u64le(k) || u32le(a) || u32le(t) || u32le(n_r) || u32le(i_1) || W_{i_1} || E_{i_1} || ...)[0..32]
  assert.equal(toHex(refreshDigest()), V.attempt_digest);
  // By hand as well, to keep the formula visible.
  const byHand = sha512(concat(
    ascii('substrate-mpc/v1/frost/refresh'), genesis, u64le(keyIndex), u32le(attempt), u32le(t), u32le(nR),
    ...V.members.flatMap((m) => [u32le(m.identifier), fromHex(m.account), fromHex(m.E)]),
  )).slice(0, 32);
  assert.equal(toHex(byHand), V.attempt_digest);
  // Another choice names another attempt: positions for identifiers, no identifiers, the DKG's
  // tag and layout (14.3), the key's former n, another order, or a member less.
  assert.notEqual(toHex(refreshDigest({ label: (i) => u32le(slot(i) + 1) })), V.attempt_digest, 'positions in place of identifiers');
  assert.notEqual(toHex(refreshDigest({ label: () => new Uint8Array(0) })), V.attempt_digest, 'without identifiers');
  assert.notEqual(toHex(refreshDigest({ tag: 'substrate-mpc/v1/frost/attempt' })), V.attempt_digest, 'the DKG\'s tag');
  assert.notEqual(toHex(refreshDigest({ tag: 'substrate-mpc/v1/frost/attempt', label: () => new Uint8Array(0) })), V.attempt_digest, 'the DKG\'s A');
  assert.notEqual(toHex(refreshDigest({ n: nOld })), V.attempt_digest, 'n of the key');
  assert.notEqual(toHex(refreshDigest({ members: [...ids].reverse() })), V.attempt_digest, 'another order');
  assert.notEqual(toHex(refreshDigest({ members: ids.slice(1) })), V.attempt_digest, 'a member less');
});

test('round 1: each package is exactly t valid Ed25519 points Ψ_{i,1..t}', () => {
  // The validity check itself refuses the identity, a point of small order and a non-canonical
  // encoding.
  assert.throws(() => edPoint(Ed.ZERO.toBytes()), /identity/);
  const order2 = fromHex(`ec${'ff'.repeat(30)}7f`); // y = -1: the point of order 2
  assert.throws(() => edPoint(order2));
  const nonCanonical = fromHex(`ee${'ff'.repeat(30)}7f`); // y = p + 1
  assert.throws(() => edPoint(nonCanonical));
  for (const m of V.members) {
    assert.equal(m.package.length, t, `member ${m.identifier}: t commitments, no constant term`);
    const Psi = m.package.map((h) => edPoint(fromHex(h)));
    Psi.forEach((P) => assert.ok(P.multiply(L - 1n).add(P).is0(), 'l * Ψ is the identity'));
    assert.equal(new Set(m.package).size, t);
  }
  assert.equal(new Set(V.members.flatMap((m) => m.package)).size, nR * t, 'no commitment shared between members');
  // No package commits to Y or to a verifying share: the refresh has no constant term.
  const known = new Set([V.group_key, ...V.old_verifying_shares, ...V.new_verifying_shares]);
  V.members.forEach((m) => m.package.forEach((h) => assert.ok(!known.has(h))));
});

test('round 2: proofs of knowledge of r, ciphertexts at the recipients\' positions, KDF and AAD with identifiers, shares on Ψ, digests h_j', () => {
  assert.equal(new Set(V.members.map((m) => m.envelope.ephemeral_key)).size, nR, 'no E used twice');
  for (const j of ids) {
    const m = member(j);
    const env = m.envelope;
    const E = fromHex(env.ephemeral_key);
    ristPoint(E); // decodes, not the identity
    const proof = fromHex(env.proof);
    assert.equal(proof.length, 64);
    const params = { j, account: account(j), E, proof };
    assert.equal(verifyEnvelopeProof(params), true, `envelope proof of member ${j}`);
    for (let byte = 0; byte < 64; byte += 9) {
      assert.equal(verifyEnvelopeProof({ ...params, proof: flip(proof, byte) }), false, `byte ${byte}`);
    }
    if (slot(j) + 1 !== j) assert.equal(verifyEnvelopeProof({ ...params, j: slot(j) + 1 }), false, 'the position of j in place of its identifier');
    const other = ids[(slot(j) + 1) % nR];
    assert.equal(verifyEnvelopeProof({ ...params, j: other }), false, 'another sender');
    assert.equal(verifyEnvelopeProof({ ...params, account: account(other) }), false, 'another account');
    assert.equal(verifyEnvelopeProof({ ...params, E: fromHex(member(other).envelope.ephemeral_key) }), false, 'another E');
    for (const ctx of [
      concat(genesis, u64le(keyIndex + 1n), u32le(attempt)),
      concat(genesis, u64le(keyIndex), u32le(attempt - 1)),
      concat(flip(genesis, 0), u64le(keyIndex), u32le(attempt)),
    ]) assert.equal(verifyEnvelopeProof({ ...params, ctx }), false, 'another key, attempt or chain');

    // n_r - 1 ciphertexts of 48 bytes, the one for i at i's position among R without j.
    const cts = env.ciphertexts.map(fromHex);
    assert.equal(cts.length, nR - 1);
    cts.forEach((ct) => assert.equal(ct.length, 48));
    const Psi = packageOf(j);
    for (const i of ids.filter((x) => x !== j)) {
      const ct = cts[position(j, i)];
      const K = mulRist(ristPoint(E), memberSecret(i)).toBytes();
      const s = openShare(j, i, E, K, ct);
      assert.equal(s, opened(j, i));
      assert.equal(shareMatches(i, s, Psi), true, `s_{${j},${i}} * B == sum_{k=1..t} id(${i})^k Ψ_{${j},k}`);
      assert.equal(mulEd(B, s).equals(evalPackage([Ed.ZERO, ...Psi].slice(0, t), BigInt(i))), false, 'Ψ are the coefficients 1..t, not 0..t-1');
      const another = ids.find((x) => x !== i && x !== j);
      assert.equal(shareMatches(another, s, Psi), false, 'not the share of another member');
      if (slot(i) + 1 !== i) assert.equal(shareMatches(slot(i) + 1, s, Psi), false, 'evaluated at the identifier, not the position');
      // Only the recipient opens it, and only with identifiers in the KDF and the AAD.
      const Kother = mulRist(ristPoint(E), memberSecret(another)).toBytes();
      assert.throws(() => openShare(j, i, E, Kother, ct), /tag|invalid/i, 'another member\'s K');
      assert.throws(() => openShare(j, another, E, K, ct), /tag|invalid/i, 'another recipient');
      assert.throws(() => openShare(j, i, E, K, flip(ct, 5)), /tag|invalid/i, 'a changed byte');
      if (slot(i) + 1 !== i || slot(j) + 1 !== j) {
        assert.throws(() => openShare(j, i, E, K, ct, (x) => slot(x) + 1), /tag|invalid/i, 'positions in place of identifiers in the KDF and AAD');
      }
      // The same plaintext and key under another AAD (the KDF right, the AAD with positions) fails too.
      if (slot(i) + 1 !== i) {
        assert.throws(() => chacha20poly1305(shareKey(j, i, E, memberKey(i).toBytes(), K), new Uint8Array(12), shareAad(j, slot(i) + 1)).decrypt(ct), /tag|invalid/i);
      }
    }
    // Each ciphertext is for exactly one recipient: at another position it does not open.
    for (const i of ids.filter((x) => x !== j)) {
      const K = mulRist(ristPoint(E), memberSecret(i)).toBytes();
      cts.forEach((ct, k) => {
        if (k !== position(j, i)) assert.throws(() => openShare(j, i, E, K, ct), /tag|invalid/i, `ct ${k} is not ${i}'s`);
      });
    }

    // h_j over Ψ_{j,1..t}, E and the ciphertexts in envelope order, j its identifier.
    const PsiBytes = m.package.map(fromHex);
    assert.equal(toHex(envelopeDigest(j, PsiBytes, E, cts)), env.digest, `h_${j}`);
    if (slot(j) + 1 !== j) assert.notEqual(toHex(envelopeDigest(slot(j) + 1, PsiBytes, E, cts)), env.digest, 'position of j');
    assert.notEqual(toHex(envelopeDigest(j, [Ed.ZERO.toBytes(), ...PsiBytes], E, cts)), env.digest, 'with a φ_0');
    assert.notEqual(toHex(envelopeDigest(j, member(other).package.map(fromHex), E, cts)), env.digest, 'another package');
    assert.notEqual(toHex(envelopeDigest(j, PsiBytes, fromHex(member(other).envelope.ephemeral_key), cts)), env.digest, 'another E');
    assert.notEqual(toHex(envelopeDigest(j, PsiBytes, E, [...cts].reverse())), env.digest, 'another order');
    assert.notEqual(toHex(envelopeDigest(j, PsiBytes, E, [...cts.slice(0, -1), flip(cts.at(-1), 47)])), env.digest, 'a changed ciphertext');
  }
  assert.equal(new Set(V.members.map((m) => m.envelope.digest)).size, nR);
});

test('new shares: x_i\' = x_i + sum_{j != i} s_{j,i} + g_i(i), x_i\' * B == Y_i\', Y_i\' = Y_i + sum_j sum_k id(i)^k Ψ_{j,k}', () => {
  assert.equal(V.old_verifying_shares.length, nOld);
  for (const i of ids) {
    const m = member(i);
    // g_i(i): from (0, 0) and t of the shares i sent; every choice of t gives the same value, and
    // it matches i's own commitments.
    const others = ids.filter((x) => x !== i);
    const values = subsets(t, others).map((set) => ownValue(i, set));
    values.forEach((v) => assert.equal(v, values[0], `g_${i}(${i}) whichever t shares`));
    const own = values[0];
    assert.ok(mulEd(B, own).equals(evalPackage(packageOf(i), BigInt(i))), `g_${i}(${i}) * B == sum_k id(${i})^k Ψ_{${i},k}`);
    // All n_r - 1 sent shares and (0, 0) lie on one polynomial of degree t: the t + 1 first of them
    // predict the others.
    if (others.length > t) {
      const xs = [0n, ...others.slice(0, t).map(BigInt)];
      for (const x of others.slice(t)) {
        const predicted = mod(others.slice(0, t).reduce((acc, y) => acc + opened(i, y) * lagrange(BigInt(y), xs, BigInt(x)), 0n));
        assert.equal(predicted, opened(i, x), `g_${i}(0) = 0 and deg g_${i} = t`);
      }
    }
    // The old share is on the old verifying share (indexed by identifier).
    const x = oldShare(i);
    assert.equal(toHex(mulEd(B, x).toBytes()), V.old_verifying_shares[i - 1], `x_${i} * B == Y_${i}`);
    // x_i' = x_i + sum_{j in R} g_j(id(i)).
    const received = ids.filter((j) => j !== i).reduce((acc, j) => acc + opened(j, i), 0n);
    const xNew = scalar(fromHex(m.new_share));
    assert.equal(xNew, mod(x + received + own), `x_${i}'`);
    assert.equal(xNew, newShare(i));
    assert.notEqual(xNew, mod(x + received), 'without the member\'s own g_i(i)');
    assert.notEqual(xNew, x, 'the share changed');
    // x_i' * B == Y_i' (new verifying shares in the order of R).
    assert.equal(toHex(mulEd(B, xNew).toBytes()), V.new_verifying_shares[slot(i)], `x_${i}' * B == Y_${i}'`);
    // Y_i' = Y_i + sum_{j in R} sum_{k=1..t} id(i)^k Ψ_{j,k}.
    const Yi = edPoint(fromHex(V.old_verifying_shares[i - 1]));
    const Ynew = Yi.add(edSum(ids.map((j) => evalPackage(packageOf(j), BigInt(i)))));
    assert.equal(toHex(Ynew.toBytes()), V.new_verifying_shares[slot(i)], `Y_${i}'`);
    edPoint(fromHex(V.new_verifying_shares[slot(i)]));
    assert.notEqual(V.new_verifying_shares[slot(i)], V.old_verifying_shares[i - 1]);
    if (slot(i) + 1 !== i) {
      // Indexed by position the old verifying shares give another member's.
      const wrong = edPoint(fromHex(V.old_verifying_shares[slot(i)])).add(edSum(ids.map((j) => evalPackage(packageOf(j), BigInt(i)))));
      assert.notEqual(toHex(wrong.toBytes()), V.new_verifying_shares[slot(i)]);
    }
  }
});

test('the key stays: old and new shares of R each interpolate to Y; old and new do not mix', () => {
  const Y = edPoint(fromHex(V.group_key));
  const check = (points, label) => {
    for (const set of subsets(t + 1, points)) assert.ok(mulEd(B, interpolate(set)).equals(Y), `${label}: over ${set.map(([x]) => x)}`);
    for (const set of subsets(t, points)) assert.ok(!mulEd(B, interpolate(set)).equals(Y), `${label}: not over t members ${set.map(([x]) => x)}`);
  };
  const olds = ids.map((i) => [i, oldShare(i)]);
  const news = ids.map((i) => [i, scalar(fromHex(member(i).new_share))]);
  check(olds, 'old shares');
  check(news, 'new shares');
  // Interpolated at the identifiers, not the positions in R.
  const byPosition = news.map(([i, x]) => [slot(i) + 1, x]);
  assert.ok(!mulEd(B, interpolate(byPosition.slice(-(t + 1)))).equals(Y), 'positions in place of identifiers');
  // In the exponent: the key's old verifying shares, the left-out member's included, lie on the
  // key's polynomial; so do the new ones of R.
  const oldPoints = V.old_verifying_shares.map((h, k) => [k + 1, edPoint(fromHex(h))]);
  for (const set of subsets(t + 1, oldPoints)) assert.ok(interpolatePoints(set).equals(Y), `old verifying shares ${set.map(([x]) => x)}`);
  const newPoints = ids.map((i) => [i, edPoint(fromHex(V.new_verifying_shares[slot(i)]))]);
  for (const set of subsets(t + 1, newPoints)) assert.ok(interpolatePoints(set).equals(Y), `new verifying shares ${set.map(([x]) => x)}`);
  // The left-out member's old share no longer combines with the new ones (in the exponent: its
  // old verifying share with any t new ones), nor does any old share of R with new shares.
  const left = V.left_out;
  const leftOld = oldPoints[left - 1];
  for (const set of subsets(t, newPoints)) {
    assert.ok(!interpolatePoints([leftOld, ...set]).equals(Y), `left-out ${left} with new ${set.map(([x]) => x)}`);
  }
  for (const [i, x] of olds) {
    for (const set of subsets(t, news.filter(([k]) => k !== i))) {
      assert.ok(!mulEd(B, interpolate([[i, x], ...set])).equals(Y), `old x_${i} with new ${set.map(([k]) => k)}`);
    }
  }
});

test('signing with the new shares: every share checks as RFC 9591 5.4 (signers 1, 4, 5), and the signature is Ed25519 by Y', async () => {
  const sg = V.signing;
  const m = fromHex(sg.message);
  const Y = edPoint(fromHex(V.group_key));
  const YBytes = fromHex(V.group_key);
  const signers = sg.signers;
  assert.equal(signers.length, t + 1, 't + 1 signers');
  const sIds = signers.map((x) => x.identifier);
  assert.deepEqual(sIds, [...sIds].sort((a, b) => a - b), 'signers in identifier order');
  assert.equal(new Set(sIds).size, sIds.length);
  sIds.forEach((i) => assert.ok(ids.includes(i), `signer ${i} is in R`));
  assert.ok(!sIds.includes(V.left_out));
  assert.ok(sIds.some((i, k) => k > 0 && i !== sIds[k - 1] + 1), 'the signers\' identifiers have a gap');
  const parts = signers.map((x) => {
    const nonces = fromHex(x.nonces);
    assert.equal(nonces.length, 64);
    const d = scalar(nonces.subarray(0, 32));
    const f = scalar(nonces.subarray(32));
    const D = edPoint(fromHex(x.hiding));
    const F = edPoint(fromHex(x.binding));
    assert.equal(toHex(mulEd(B, d).toBytes()), x.hiding, `D_${x.identifier} = d * B`);
    assert.equal(toHex(mulEd(B, f).toBytes()), x.binding, `F_${x.identifier} = f * B`);
    return { i: x.identifier, d, f, D, F, z: scalar(fromHex(x.share)) };
  });
  // Binding factors: rho_i = H1(Y || H4(m) || H5(id(i) || D_i || F_i ...) || id(i)).
  const list = concat(...signers.map((x) => concat(id(x.identifier), fromHex(x.hiding), fromHex(x.binding))));
  const prefix = concat(YBytes, H4(m), H5(list));
  for (const p of parts) p.rho = H1(concat(prefix, id(p.i)));
  // Group commitment, challenge and the signature R || z.
  const R = edSum(parts.map((p) => p.D.add(mulEd(p.F, p.rho))));
  const signature = fromHex(sg.signature);
  assert.equal(signature.length, 64);
  assert.equal(toHex(R.toBytes()), toHex(signature.subarray(0, 32)), 'R = sum_i (D_i + rho_i F_i)');
  const z = mod(parts.reduce((acc, p) => acc + p.z, 0n));
  assert.equal(toHex(scalarBytes(z)), toHex(signature.subarray(32)), 'z = sum_i z_i');
  const c = H2(concat(R.toBytes(), YBytes, m));
  assert.ok(mulEd(B, z).equals(R.add(mulEd(Y, c))), 'z*B == R + c*Y');
  // Each share as the chain checks it (14.6 step 2), against the new verifying shares.
  const xs = sIds.map(BigInt);
  const positions = sIds.map((i) => BigInt(slot(i) + 1));
  let positionsDiffer = 0;
  for (const p of parts) {
    const lambda = lagrange(BigInt(p.i), xs);
    const Yi = edPoint(fromHex(V.new_verifying_shares[slot(p.i)]));
    const check = (zi, Yi_ = Yi, lambda_ = lambda) => mulEd(B, zi).equals(p.D.add(mulEd(p.F, p.rho)).add(mulEd(Yi_, c * lambda_)));
    assert.equal(check(p.z), true, `z_${p.i}`);
    assert.equal(check(p.z + 1n), false, `z_${p.i} + 1`);
    assert.equal(check(p.z, edPoint(fromHex(V.old_verifying_shares[p.i - 1]))), false, 'the old verifying share');
    // Lagrange over the positions in R (1, 3, 4) in place of the identifiers (1, 4, 5): for
    // signer 5 both give 1 (4/4 and 3/3), for signer 4 they differ (-5/3 and -2).
    const lambdaAtPosition = lagrange(BigInt(slot(p.i) + 1), positions);
    if (lambdaAtPosition !== lambda) {
      positionsDiffer += 1;
      assert.equal(check(p.z, Yi, lambdaAtPosition), false, 'Lagrange over positions');
    }
    // z_i = d + rho*f + lambda*c*x_i', x_i' the refreshed share recomputed from the envelopes.
    assert.equal(p.z, mod(p.d + p.rho * p.f + lambda * c * newShare(p.i)), `z_${p.i} from the nonces and x_${p.i}'`);
    assert.notEqual(p.z, mod(p.d + p.rho * p.f + lambda * c * oldShare(p.i)), 'not with the old share');
  }
  assert.ok(positionsDiffer > 0, 'some signer\'s Lagrange coefficient depends on identifiers versus positions');
  // An ordinary Ed25519 signature by Y.
  await cryptoWaitReady();
  assert.equal(new TextDecoder().decode(m), 'substrate-mpc frost refresh vector');
  assert.equal(ed25519Verify(m, signature, YBytes), true, 'ed25519Verify (wasm)');
  assert.equal(ed25519Verify(m, signature, YBytes, true), true, 'ed25519Verify (js)');
  assert.equal(signatureVerify(m, signature, YBytes).isValid, true, 'signatureVerify');
  assert.equal(signatureVerify(m, signature, YBytes).crypto, 'ed25519');
  assert.equal(ed25519.verify(signature, m, YBytes), true, '@noble/curves');
  assert.equal(ed25519Verify(ascii('substrate-mpc frost vector'), signature, YBytes), false, 'another message');
  assert.equal(ed25519Verify(flip(m, 0), signature, YBytes), false);
  assert.equal(ed25519Verify(concat(m, new Uint8Array([0])), signature, YBytes), false);
  assert.equal(ed25519Verify(m, flip(signature, 40), YBytes), false);
  assert.equal(ed25519Verify(m, signature, fromHex(V.new_verifying_shares[0])), false);
});

// Last: every value of the file was read by a test above.
test('every field of the vectors is reproduced or checked', () => {
  assert.deepEqual(unread(), [], 'fields of frost-refresh-v1.json no test reads');
});
