// PROTOCOL.md section 11 (committee key and randomness beacon): this implementation reproduces
// the beacon vectors (the file the Rust crate mpc-primitives produces and checks), all of them:
// the last test fails if a field of the file was never read here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordedVectors } from './recorded-vectors.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import {
  L, fromHex, toHex, scalarFromBytes, scalarToBytes, generator, BEACON_DST, beaconThreshold,
  dealKey, verifyKeyDealing, verifyKeyDealingProof, dealingDigest, openKeyShare, keyComplaint, verifyKeyDleq,
  keyShareAad, deriveKeyShareKey, checkKeyShare,
  judgeKeyComplaint, groupKey, publicShare, combineKeyShares, groupKeyDigest, roundPoint,
  roundShare, verifyRoundShare, combineRound, verifyRound, subjectValue, committeeSeed, lagrangeAtZero, drawCommittee,
} from '../src/protocol.js';

const { RAW, V, unread } = recordedVectors('beacon-v1.json');
const s = (hex) => scalarFromBytes(fromHex(hex));
const hexes = (list) => list.map(fromHex);
const sHex = (x) => toHex(scalarToBytes(x));

const genesis = fromHex(V.genesis);
const epoch = BigInt(V.epoch);
const memberKeys = V.members.map((m) => fromHex(m.E));
const memberSecret = (i) => s(V.members[i - 1].e);
const account = (j) => fromHex(V.members[j - 1].account);
const wire = (d) => ({ R: fromHex(d.R), proof: fromHex(d.proof), commitments: hexes(d.commitments), ciphertexts: hexes(d.ciphertexts) });

test('the committee: members, keys and threshold', () => {
  assert.equal(V.members.length, V.n);
  assert.equal(beaconThreshold(V.n), V.t);
  V.members.forEach((m, k) => {
    assert.equal(m.index, k + 1);
    assert.equal(toHex(generator(0).multiply(s(m.e)).toBytes()), m.E, `E_${m.index} = e * G`);
  });
  assert.throws(() => beaconThreshold(2), /at least 3/);
  assert.equal(beaconThreshold(4), 1);
  assert.equal(beaconThreshold(5), 2);
  assert.equal(beaconThreshold(1024), 511);
  assert.throws(() => beaconThreshold(1025), /at most 1024/);
});

test('dealings reproduce byte for byte', () => {
  for (const d of V.dealings) {
    const out = dealKey({
      genesis, epoch, dealer: d.dealer, account: account(d.dealer), memberKeys,
      coefficients: d.coefficients.map(s), r: s(d.r), k1: s(d.k1), k2: s(d.k2),
    });
    assert.equal(toHex(out.R), d.R, `R of dealer ${d.dealer}`);
    assert.equal(toHex(out.proof), d.proof, `proof of dealer ${d.dealer}`);
    assert.deepEqual(out.commitments.map(toHex), d.commitments, `commitments of dealer ${d.dealer}`);
    assert.deepEqual(out.ciphertexts.map(toHex), d.ciphertexts, `ciphertexts of dealer ${d.dealer}`);
    assert.equal(out.proof.length, 96);
    assert.ok(out.ciphertexts.every((ct) => ct.length === 48));
    // h_j, by which a complaint names the dealing (section 11.3).
    const digest = dealingDigest({ genesis, epoch, dealer: d.dealer, ...out });
    assert.equal(toHex(digest), d.digest, `h_${d.dealer}`);
    assert.equal(toHex(dealingDigest({ genesis, epoch, dealer: d.dealer, ...wire(d) })), d.digest);
  }
});

test('the dealing digest binds the chain, epoch, dealer, R, every commitment and every ciphertext', () => {
  const d = V.dealings[0];
  const params = { genesis, epoch, dealer: d.dealer, ...wire(d) };
  const flip = (bytes, at = 0) => {
    const b = Uint8Array.from(bytes);
    b[at] ^= 1;
    return b;
  };
  const others = [
    { genesis: flip(genesis) }, { epoch: epoch + 1n }, { dealer: 2 }, { R: fromHex(V.dealings[1].R) },
    { commitments: [params.commitments[0], flip(params.commitments[1], 31)] },
    { commitments: params.commitments.slice(0, 1) },
    { ciphertexts: [...params.ciphertexts.slice(0, 2), flip(params.ciphertexts[2], 47)] },
    { ciphertexts: params.ciphertexts.slice(1) },
    // A dealing with the same R and another ciphertext for member 3, as a dealer that knows r can
    // make on another branch of a fork: another digest.
    { ciphertexts: [...params.ciphertexts.slice(0, 2), fromHex(V.complaint.ciphertext)] },
  ];
  for (const over of others) assert.notEqual(toHex(dealingDigest({ ...params, ...over })), d.digest, JSON.stringify(Object.keys(over)));
  assert.equal(toHex(dealingDigest({ ...params, proof: new Uint8Array(96) })), d.digest, 'the proof is not in h_j');
  assert.throws(() => dealingDigest({ ...params, R: new Uint8Array(31) }), (e) => e.code === 'dealing');
  assert.throws(() => dealingDigest({ ...params, ciphertexts: [new Uint8Array(47)] }), (e) => e.code === 'dealing');
  assert.throws(() => dealingDigest({ ...params, commitments: [new Uint8Array(33)] }), (e) => e.code === 'dealing');
});

test('intermediate values of one ciphertext: K, key, aad and the commitment sum', () => {
  const m = V.intermediate;
  const d = V.dealings.find((x) => x.dealer === m.dealer);
  const ctx = { genesis, epoch, dealer: m.dealer, index: m.member };
  // K_{j,i} = r * E_i = e_i * R.
  const K = generator(0).multiply(s(d.r)).multiply(memberSecret(m.member)).toBytes();
  assert.equal(toHex(K), m.K);
  assert.equal(toHex(keyComplaint({ ...ctx, memberSecret: memberSecret(m.member), R: fromHex(d.R), k: 1n }).K), m.K);
  const key = deriveKeyShareKey({ ...ctx, R: fromHex(d.R), memberKey: memberKeys[m.member - 1], K: fromHex(m.K) });
  assert.equal(toHex(key), m.key);
  assert.equal(key.length, 32);
  assert.equal(toHex(keyShareAad(ctx)), m.aad);
  const sum = publicShare(hexes(d.commitments), m.member);
  assert.equal(toHex(sum), m.expected_commitment_sum, 'sum_k i^k A_{j,k}');
  const share = s(d.shares[m.member - 1]);
  assert.equal(toHex(generator(0).multiply(share).toBytes()), m.expected_commitment_sum, 's_{j,i} * G');
  assert.equal(checkKeyShare(m.member, share, hexes(d.commitments)), true);
});

// The rule of an invalid dealing as `verifyKeyDealing` reports it. A rule not listed here makes
// the test fail: a new case in the vectors needs its expected rejection here.
const RULES = [
  [/^the proof verifies/, /has a proof that does not verify/],
  [/^R is not the identity$/, /has the identity as R/],
  [/^exactly t_B \+ 1 commitments$/, /has \d+ commitments, not t \+ 1/],
  [/^exactly n_B ciphertexts/, /ciphertexts, not n|not 48 bytes/],
  [/canonically encoded commitments|commitment is canonical/, /commitment that is not a canonical point/],
  [/^R decodes/, /R that is not a canonical point/],
  [/^no other dealing of the epoch used (it|R)|R is not repeated/, /repeats the R/],
  [/^1 <= j <= n_B/, /not a member/],
];

test('invalid dealings: each is rejected for the rule it breaks', () => {
  const d1 = V.dealings.find((x) => x.dealer === 1);
  assert.ok(V.invalid_dealings.length >= 5);
  for (const c of V.invalid_dealings) {
    const rule = RULES.find(([r]) => r.test(c.rule));
    assert.ok(rule, `no expected rejection for the rule '${c.rule}' (${c.case})`);
    const dealing = {
      R: fromHex(c.R ?? d1.R),
      proof: fromHex(c.proof ?? d1.proof),
      commitments: hexes(c.commitments ?? d1.commitments),
      ciphertexts: hexes(c.ciphertexts ?? d1.ciphertexts),
    };
    const params = {
      genesis, epoch: c.epoch === undefined ? epoch : BigInt(c.epoch), dealer: c.dealer ?? d1.dealer,
      account: fromHex(c.account ?? V.members[0].account), n: c.n ?? V.n, dealing,
      priorR: hexes(c.prior_R ?? []),
    };
    assert.throws(() => verifyKeyDealing(params), (e) => e.code === 'dealing' && rule[1].test(e.message), `${c.case}: ${c.rule}`);
    if (/^the proof verifies/.test(c.rule)) assert.equal(verifyKeyDealingProof({ ...params, ...dealing }), false, c.case);
  }
  // Dealing 1 itself, with the same parameters, is accepted.
  verifyKeyDealing({ genesis, epoch, dealer: 1, account: account(1), n: V.n, dealing: wire(d1) });
});

test('random dealings verify and open', () => {
  const out = dealKey({ genesis, epoch, dealer: 1, account: account(1), memberKeys });
  verifyKeyDealing({ genesis, epoch, dealer: 1, account: account(1), n: V.n, dealing: out });
  const shares = V.members.map((m) => openKeyShare({
    genesis, epoch, dealer: 1, index: m.index, memberSecret: s(m.e), R: out.R, ciphertext: out.ciphertexts[m.index - 1], commitments: out.commitments,
  }));
  assert.equal(shares.length, V.n);
  assert.throws(() => dealKey({ genesis, epoch, dealer: 1, account: account(1), memberKeys: memberKeys.slice(0, 2) }), /at least 3/);
  assert.throws(() => dealKey({ genesis, epoch, dealer: 1, account: account(1), memberKeys, coefficients: [1n] }), /coefficients/);
  assert.throws(() => dealKey({ genesis, epoch, dealer: 4, account: account(1), memberKeys }), /not a member/);
  assert.throws(() => dealKey({ genesis, epoch, dealer: 1, account: account(1), memberKeys: [new Uint8Array(32), ...memberKeys.slice(1)] }), /identity/);
});

test('dealings verify; a flipped proof byte, another account, dealer or epoch is rejected', () => {
  for (const d of V.dealings) {
    const params = { genesis, epoch, dealer: d.dealer, account: account(d.dealer), n: V.n };
    const decoded = verifyKeyDealing({ ...params, dealing: wire(d) });
    assert.equal(decoded.t, V.t);
    assert.deepEqual(decoded.commitments.map((p) => toHex(p.toBytes())), d.commitments);
    assert.equal(toHex(decoded.R.toBytes()), d.R);
    for (let byte = 0; byte < 96; byte += 31) {
      const proof = fromHex(d.proof);
      proof[byte] ^= 1;
      assert.throws(() => verifyKeyDealing({ ...params, dealing: { ...wire(d), proof } }), /proof that does not verify/, `byte ${byte}`);
    }
    const other = account((d.dealer % V.n) + 1);
    assert.throws(() => verifyKeyDealing({ ...params, account: other, dealing: wire(d) }), /proof that does not verify/);
    assert.throws(() => verifyKeyDealing({ ...params, dealer: (d.dealer % V.n) + 1, dealing: wire(d) }), /proof that does not verify/);
    assert.throws(() => verifyKeyDealing({ ...params, epoch: epoch + 1n, dealing: wire(d) }), /proof that does not verify/);
    assert.equal(verifyKeyDealingProof({ ...params, ...wire(d) }), true);
    // The acceptance rules, one by one.
    const bad = (over, re) => assert.throws(() => verifyKeyDealing({ ...params, dealing: { ...wire(d), ...over } }), re);
    bad({ commitments: wire(d).commitments.slice(1) }, /commitments, not t \+ 1/);
    bad({ commitments: [new Uint8Array(32).fill(0xff), ...wire(d).commitments.slice(1)] }, /not a canonical point/);
    bad({ ciphertexts: wire(d).ciphertexts.slice(1) }, /ciphertexts, not n/);
    bad({ ciphertexts: [new Uint8Array(47), ...wire(d).ciphertexts.slice(1)] }, /not 48 bytes/);
    bad({ R: new Uint8Array(32).fill(0xff) }, /R that is not a canonical point/);
    bad({ R: new Uint8Array(32) }, /identity/);
    assert.throws(() => verifyKeyDealing({ ...params, dealing: wire(d), priorR: [fromHex(d.R)] }), /repeats the R/);
    assert.throws(() => verifyKeyDealing({ ...params, dealer: 4, dealing: wire(d) }), /not a member/);
  }
});

test('members open and check their shares', () => {
  for (const d of V.dealings) {
    d.shares.forEach((share, k) => {
      const index = k + 1;
      const opened = openKeyShare({
        genesis, epoch, dealer: d.dealer, index, memberSecret: memberSecret(index),
        R: fromHex(d.R), ciphertext: fromHex(d.ciphertexts[k]), commitments: hexes(d.commitments),
      });
      assert.equal(sHex(opened), share, `s_{${d.dealer},${index}}`);
    });
    // Another member's secret does not open the ciphertext.
    assert.throws(() => openKeyShare({
      genesis, epoch, dealer: d.dealer, index: 1, memberSecret: memberSecret(2),
      R: fromHex(d.R), ciphertext: fromHex(d.ciphertexts[0]), commitments: hexes(d.commitments),
    }), (e) => e.code === 'decrypt');
  }
});

test('the complaint: K and proof reproduce, and the verdicts are the chain\'s', () => {
  const c = V.complaint;
  const d = V.dealings.find((x) => x.dealer === c.dealer);
  const ctx = { genesis, epoch, dealer: c.dealer, index: c.member };
  const R = fromHex(d.R);
  // The ciphertext is what the note says: an encryption of the member's share plus one, under
  // the right key (so it authenticates, and fails only the commitment check).
  assert.match(c.note, new RegExp(`dealer ${c.dealer}'s dealing with member ${c.member}'s ciphertext replaced by an encryption of its share plus one`));
  const K = keyComplaint({ ...ctx, memberSecret: memberSecret(c.member), R, k: 1n }).K;
  const key = deriveKeyShareKey({ ...ctx, R, memberKey: memberKeys[c.member - 1], K });
  const plain = chacha20poly1305(key, new Uint8Array(12), keyShareAad(ctx)).decrypt(fromHex(c.ciphertext));
  assert.equal(sHex(scalarFromBytes(plain)), sHex(s(d.shares[c.member - 1]) + 1n));
  // The member finds the bad share...
  assert.throws(() => openKeyShare({
    ...ctx, memberSecret: memberSecret(c.member), R, ciphertext: fromHex(c.ciphertext), commitments: hexes(d.commitments),
  }), (e) => e.code === 'key-share');
  // ... and complains with nonce k.
  const complaint = keyComplaint({ ...ctx, memberSecret: memberSecret(c.member), R, k: s(c.k) });
  assert.equal(toHex(complaint.K), c.K);
  assert.equal(toHex(complaint.proof), c.proof);
  const memberKey = memberKeys[c.member - 1];
  const judged = { ...ctx, memberKey, R, commitments: hexes(d.commitments), K: fromHex(c.K), proof: fromHex(c.proof) };
  assert.equal(verifyKeyDleq(judged), true);
  assert.equal(judgeKeyComplaint({ ...judged, ciphertext: fromHex(c.ciphertext) }), c.verdict);
  assert.equal(judgeKeyComplaint({ ...judged, ciphertext: fromHex(d.ciphertexts[c.member - 1]) }), c.verdict_on_original_ciphertext);
  assert.equal(c.verdict, 'dealer_disqualified');
  assert.equal(c.verdict_on_original_ciphertext, 'member_at_fault');
  // A garbage ciphertext disqualifies the dealer too.
  assert.equal(judgeKeyComplaint({ ...judged, ciphertext: new Uint8Array(48) }), 'dealer_disqualified');
  // An invalid proof is refused, with no verdict.
  const flipped = fromHex(c.proof);
  flipped[40] ^= 1;
  for (const over of [{ proof: flipped }, { index: 1, memberKey: memberKeys[0] }, { dealer: 1 }, { epoch: epoch + 1n }, { R: fromHex(V.dealings[0].R) }]) {
    assert.throws(() => judgeKeyComplaint({ ...judged, ciphertext: fromHex(c.ciphertext), ...over }), (e) => e.code === 'complaint');
  }
});

test('the group key: commitments, X, public and secret shares, digest', () => {
  const g = V.group_key;
  const qualified = g.qualified.map((j) => V.dealings.find((d) => d.dealer === j));
  const key = groupKey(V.n, qualified.map((d) => hexes(d.commitments)));
  assert.deepEqual(key.commitments.map(toHex), g.commitments);
  assert.equal(toHex(key.X), g.X);
  assert.equal(g.X, g.commitments[0]);
  assert.deepEqual(key.publicShares.map(toHex), g.public_shares);
  V.members.forEach((m) => assert.equal(toHex(publicShare(hexes(g.commitments), m.index)), g.public_shares[m.index - 1]));
  const secrets = V.members.map((m) => combineKeyShares(qualified.map((d) => openKeyShare({
    genesis, epoch, dealer: d.dealer, index: m.index, memberSecret: s(m.e),
    R: fromHex(d.R), ciphertext: fromHex(d.ciphertexts[m.index - 1]), commitments: hexes(d.commitments),
  }))));
  assert.deepEqual(secrets.map(sHex), g.secret_shares);
  secrets.forEach((x, k) => assert.equal(toHex(generator(0).multiply(x).toBytes()), g.public_shares[k], `x_${k + 1} * G == X_${k + 1}`));
  // Any t + 1 secret shares interpolate to the discrete log of X.
  const lambdas = lagrangeAtZero([1, 2]);
  const x = lambdas[0] * secrets[0] + lambdas[1] * secrets[1];
  assert.equal(toHex(generator(0).multiply(x % L).toBytes()), g.X);
  assert.equal(toHex(groupKeyDigest(genesis, epoch, V.n, hexes(g.commitments))), g.digest);
  assert.throws(() => groupKey(V.n, qualified.slice(0, V.t).map((d) => hexes(d.commitments))), /qualified dealings/);
});

test('the round: P, shares and proofs reproduce; every subset gives the same Y and output', () => {
  const r = V.round;
  const round = BigInt(r.round);
  const seed = fromHex(r.seed);
  const g = V.group_key;
  const commitments = hexes(g.commitments);
  assert.equal(seed.length, 32);
  assert.equal(toHex(roundPoint(genesis, epoch, round, seed)), r.P);
  // The seed is in P_r: another seed, another point.
  assert.notEqual(toHex(roundPoint(genesis, epoch, round, new Uint8Array(32).fill(0x5b))), r.P);
  assert.throws(() => roundPoint(genesis, epoch, round), (e) => e.code === 'seed');
  assert.throws(() => roundPoint(genesis, epoch, round, seed.slice(1)), (e) => e.code === 'seed');
  for (const sh of r.shares) {
    const out = roundShare({ genesis, epoch, round, seed, index: sh.index, secretShare: s(g.secret_shares[sh.index - 1]), k: s(sh.k) });
    assert.equal(toHex(out.Y), sh.Y, `Y_${sh.index}`);
    assert.equal(toHex(out.proof), sh.proof, `proof of ${sh.index}`);
    assert.equal(verifyRoundShare({ genesis, epoch, round, seed, index: sh.index, publicShare: fromHex(g.public_shares[sh.index - 1]), Y: out.Y, proof: out.proof }), true);
  }
  assert.throws(() => roundShare({ genesis, epoch, round, index: 1, secretShare: 1n }), (e) => e.code === 'seed');
  const share = (i) => {
    const sh = r.shares.find((x) => x.index === i);
    return { index: i, Y: fromHex(sh.Y), proof: fromHex(sh.proof) };
  };
  assert.equal(r.subsets.length, 3);
  for (const subset of r.subsets) {
    const shares = subset.map(share);
    for (const out of [verifyRound({ genesis, epoch, round, seed, commitments, shares }), verifyRound({ genesis, epoch, round, seed, commitments, shares, n: V.n })]) {
      assert.equal(toHex(out.Y), r.Y, `Y from ${subset}`);
      assert.equal(toHex(out.output), r.output, `output from ${subset}`);
    }
    const combined = combineRound(genesis, epoch, round, shares);
    assert.equal(toHex(combined.Y), r.Y);
    assert.equal(toHex(combined.output), r.output);
  }
});

test('invalid round shares: each fails verification, alone and in a round', () => {
  const r = V.round;
  const g = V.group_key;
  const commitments = hexes(g.commitments);
  assert.ok(V.invalid_round_shares.length >= 4);
  assert.ok(V.invalid_round_shares.some((c) => c.seed !== undefined && c.seed !== r.seed), 'a case for another seed');
  for (const c of V.invalid_round_shares) {
    const round = BigInt(c.round ?? r.round);
    const seed = fromHex(c.seed ?? r.seed);
    const share = { index: c.index, Y: fromHex(c.Y), proof: fromHex(c.proof) };
    assert.equal(verifyRoundShare({
      genesis, epoch, round, seed, index: c.index, publicShare: fromHex(g.public_shares[c.index - 1]), Y: share.Y, proof: share.proof,
    }), false, c.case);
    // With a valid share of another member (of the round as the case presents it), the round fails.
    const partner = c.index === 1 ? 2 : 1;
    const partnerShare = roundShare({ genesis, epoch, round, seed, index: partner, secretShare: s(g.secret_shares[partner - 1]) });
    assert.throws(
      () => verifyRound({ genesis, epoch, round, seed, commitments, shares: [{ index: partner, ...partnerShare }, share], n: V.n }),
      (e) => e.code === 'round' && new RegExp(`member ${c.index} does not verify`).test(e.message),
      c.case,
    );
    // The same bytes are a valid share of the round of the vectors (they were made for it), except
    // a tampered proof or a share presented under another index.
    if (c.round !== undefined || c.seed !== undefined) {
      assert.equal(verifyRoundShare({
        genesis, epoch, round: BigInt(r.round), seed: fromHex(r.seed), index: c.index,
        publicShare: fromHex(g.public_shares[c.index - 1]), Y: share.Y, proof: share.proof,
      }), true, `${c.case}: valid for round ${r.round} with seed ${r.seed}`);
    }
  }
});

test('a round with a tampered, missing, extra, repeated or foreign share fails', () => {
  const r = V.round;
  const round = BigInt(r.round);
  const seed = fromHex(r.seed);
  const commitments = hexes(V.group_key.commitments);
  const shares = r.subsets[0].map((i) => {
    const sh = r.shares.find((x) => x.index === i);
    return { index: i, Y: fromHex(sh.Y), proof: fromHex(sh.proof) };
  });
  const fails = (list, re, over = {}) => assert.throws(() => verifyRound({ genesis, epoch, round, seed, commitments, shares: list, ...over }), re);
  const proof = Uint8Array.from(shares[1].proof);
  proof[3] ^= 1;
  fails([shares[0], { ...shares[1], proof }], /member 2 does not verify/);
  fails([shares[0], { ...shares[1], Y: shares[0].Y }], /member 2 does not verify/);
  fails([shares[0], { ...shares[1], index: 3 }], /member 3 does not verify/);
  fails([shares[0], { ...shares[1], Y: new Uint8Array(32).fill(0xff) }], /member 2 does not verify/);
  fails([shares[0]], /exactly t \+ 1 = 2 shares/);
  fails([...shares, shares[0]], /exactly t \+ 1 = 2 shares/);
  fails([shares[0], shares[0]], /two shares of member 1/);
  fails([shares[0], { ...shares[1], index: 0 }], /not a member/);
  fails([shares[0], { ...shares[1], index: 4 }], /not a member/, { n: V.n });
  fails(shares, /does not verify/, { round: round + 1n });
  fails(shares, /does not verify/, { epoch: epoch + 1n });
  // The same round opened on another branch of a fork (another parent hash): another P_r.
  fails(shares, /member 1 does not verify/, { seed: new Uint8Array(32).fill(0x5b) });
  fails(shares, /seed s_r is 32 bytes/, { seed: undefined });
  fails(shares, /seed s_r is 32 bytes/, { seed: seed.slice(0, 31) });
  fails(shares, /commitments, not 2/, { n: 5 });
  fails(shares, /the identity/, { commitments: [new Uint8Array(32), commitments[1]] });
  // Another group key with the same X_1 (Â_0 and Â_1 swapped): member 2's share does not match.
  fails(shares, /member 2 does not verify/, { commitments: [commitments[1], commitments[0]] });
});

test('derived values: subject value and committee seed', () => {
  const d = V.derived;
  const rho = fromHex(V.round.output);
  assert.equal(toHex(subjectValue(rho, fromHex(d.subject))), d.subject_value);
  assert.equal(new TextDecoder().decode(fromHex(d.subject)), 'lottery');
  assert.equal(toHex(committeeSeed(rho, BigInt(d.job_id))), d.committee_seed);
});

test('committee draws: every case of the vectors reproduces', () => {
  const seed = fromHex(V.derived.committee_seed);
  assert.ok(V.derived.draw.length >= 3);
  assert.match(V.fields.derived, /draw/);
  assert.ok(V.derived.draw.some((c) => c.ineligible.length > 0), 'a case with ineligible candidates');
  for (const c of V.derived.draw) {
    const name = `${c.candidates} candidates, ${c.n} seats, ineligible [${c.ineligible.join(', ')}]`;
    const ineligible = new Set(c.ineligible);
    const asked = [];
    const drawn = drawCommittee(seed, c.candidates, c.n, (k) => {
      asked.push(k);
      return !ineligible.has(k);
    });
    assert.deepEqual(drawn, c.drawn, name);
    // Each candidate is asked about at most once, the kept ones are those accepted, in order.
    assert.equal(new Set(asked).size, asked.length, name);
    assert.deepEqual(asked.filter((k) => !ineligible.has(k)), c.drawn, name);
    assert.ok(drawn.every((k) => Number.isInteger(k) && k >= 0 && k < c.candidates), name);
    assert.equal(drawn.length, Math.min(c.n, c.candidates - c.ineligible.length), name);
  }
});

test('committee draws: one shuffle, whatever the eligibility; bounds and bad arguments', () => {
  const seed = fromHex(V.derived.committee_seed);
  // The shuffle of all ten (the case with n = L) is a permutation; every draw of n with every
  // candidate eligible is its first n, and a draw with some refused is its eligible ones in order.
  const full = drawCommittee(seed, 10, 10);
  assert.deepEqual([...full].sort((a, b) => a - b), [...Array(10).keys()]);
  for (let n = 0; n <= 10; n++) assert.deepEqual(drawCommittee(seed, 10, n), full.slice(0, n), `n = ${n}`);
  const refused = new Set([full[1], full[4], 7]);
  assert.deepEqual(drawCommittee(seed, 10, 5, (k) => !refused.has(k)), full.filter((k) => !refused.has(k)).slice(0, 5));
  // Too few eligible: fewer than n kept (no committee on chain); more seats than candidates.
  assert.deepEqual(drawCommittee(seed, 10, 4, (k) => k < 3).sort(), [0, 1, 2]);
  assert.deepEqual(drawCommittee(seed, 3, 5).sort(), [0, 1, 2]);
  assert.deepEqual(drawCommittee(seed, 0, 3), []);
  assert.deepEqual(drawCommittee(seed, 1, 1), [0]);
  // Another seed, another order (for 10 candidates, 10! orders).
  const other = Uint8Array.from(seed);
  other[0] ^= 1;
  assert.notDeepEqual(drawCommittee(other, 10, 10), full);
  assert.throws(() => drawCommittee(seed.slice(1), 10, 4), (e) => e.code === 'seed');
  assert.throws(() => drawCommittee(seed, -1, 4), (e) => e.code === 'range');
  assert.throws(() => drawCommittee(seed, 10, 1.5), (e) => e.code === 'range');
});

test('section 11 tags', () => {
  for (const bytes of Object.values(BEACON_DST)) assert.match(new TextDecoder().decode(bytes), /^substrate-mpc\/v1\/(dkg|beacon)\/[a-z]+$/);
  assert.equal(new TextDecoder().decode(BEACON_DST.draw), 'substrate-mpc/v1/beacon/draw');
  assert.equal(new TextDecoder().decode(BEACON_DST.dkgDigest), 'substrate-mpc/v1/dkg/digest');
  assert.equal(new Set(Object.values(BEACON_DST).map((b) => toHex(b))).size, Object.keys(BEACON_DST).length);
});

test('the file documents its fields', () => {
  assert.match(V.description, /section 11/);
  assert.equal(V.epoch, Number(epoch));
  const documented = Object.keys(RAW.fields);
  for (const key of Object.keys(RAW)) {
    if (RAW[key] !== null && typeof RAW[key] === 'object' && key !== 'fields') assert.ok(documented.includes(key), `field '${key}' is documented`);
  }
  for (const key of documented) {
    assert.ok(Object.hasOwn(RAW, key), `documented field '${key}' is in the file`);
    assert.equal(typeof V.fields[key], 'string');
    assert.ok(V.fields[key].length > 0);
  }
});

// Last: every value of the file was read by a test above.
test('every field of the vectors is reproduced or checked', () => {
  assert.deepEqual(unread(), [], 'fields of beacon-v1.json no test reads');
});
