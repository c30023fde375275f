//! The contracts vectors (`primitives/tests/vectors/contracts-v1.json`, PROTOCOL.md section
//! 13): the precompile's address, ABI encodings of each call, return value, callback and
//! event, the decoding of output scalars to int256 and the means, and the randomness a
//! contract reads. This test rebuilds every value with the crate and compares it with the
//! file; `MPC_WRITE_VECTORS=1` rewrites the file instead (after a deliberate change only).

use mpc_primitives::{encode_value, subject_value};
use pallet_mpc_contracts::{decode_output, floor_div, IMpc, IMpcConsumer, PRECOMPILE_ADDRESS};
use pallet_revive::precompiles::alloy::{
	primitives::{Address, FixedBytes, I256},
	sol_types::{SolCall, SolEvent},
};
use serde_json::{json, Value};

const PATH: &str =
	concat!(env!("CARGO_MANIFEST_DIR"), "/../../primitives/tests/vectors/contracts-v1.json");

fn hex0x(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

fn int(v: i128) -> I256 {
	I256::try_from(v).expect("fits")
}

fn spec() -> IMpc::JobSpec {
	IMpc::JobSpec {
		committeeSize: 5,
		threshold: 2,
		dimension: 3,
		decimals: 0,
		inputWindow: 20,
		maxInputs: 100,
		minInputs: 3,
		allowedProviders: vec![FixedBytes([0x11; 32]), FixedBytes([0x22; 32])],
		metadata: b"favourite colour".to_vec().into(),
		rewardPerWorker: 10_000_000_000,
		ruleKind: 1,
		lows: vec![0, -5, 10],
		highs: vec![100, 5, 1_000_000],
		callbackGas: 3_000_000,
	}
}

fn build() -> Value {
	let owner = Address::from([0xab; 20]);
	let spec = spec();
	let create = IMpc::createJobCall { spec: spec.clone() }.abi_encode();
	let job_return = IMpc::jobReturn {
		owner,
		ownerAccount: FixedBytes([0xcd; 32]),
		phase: 3,
		failure: 0,
		committeeSize: 5,
		threshold: 2,
		dimension: 3,
		inputCount: 12,
		qualifiedCount: 11,
		deadline: 1234,
	};
	let sums = vec![int(-7), int(0), int(1_000_000_000_000_000_000)];
	let means: Vec<I256> = sums.iter().map(|s| floor_div(*s, 11)).collect();
	let result_return = IMpc::resultReturn {
		ready: true,
		qualifiedInputs: 11,
		decimals: 2,
		sums: sums.clone(),
		means: means.clone(),
	};
	let callback = IMpcConsumer::onMpcResultCall {
		jobId: 7,
		completed: true,
		sums: sums.clone(),
		qualifiedInputs: 11,
	}
	.abi_encode();
	let log = |e: &dyn Fn() -> pallet_revive::precompiles::alloy::primitives::LogData| {
		let l = e();
		json!({
			"topics": l.topics().iter().map(|t| hex0x(t.as_slice())).collect::<Vec<_>>(),
			"data": hex0x(&l.data),
		})
	};
	let created =
		log(&|| IMpc::JobCreated { jobId: 7, owner, callbackGas: 3_000_000 }.encode_log_data());
	let delivered = log(&|| IMpc::CallbackDelivered { jobId: 7, success: false }.encode_log_data());

	// Section 4 decoding of output scalars, and floor means.
	let big = encode_value(i128::MAX) * encode_value(1 << 20);
	let scalars: Vec<Value> = [encode_value(0), encode_value(-1), encode_value(i128::MIN), big]
		.iter()
		.map(|s| {
			json!({ "scalar": hex0x(&s.to_bytes()), "int256": decode_output(&s.to_bytes()).to_string() })
		})
		.collect();
	let floors: Vec<Value> =
		[(7i128, 2u32), (-7, 2), (-8, 2), (-1, 11), (1_000_000_000_000_000_000, 11)]
			.iter()
			.map(
				|(a, q)| json!({ "sum": a.to_string(), "q": q, "mean": floor_div(int(*a), *q).to_string() }),
			)
			.collect();

	// Section 13.5: the value a contract at `caller` reads for `subject` from round output rho.
	let rho = [0x5a; 32];
	let caller = [0x42; 20];
	let subject = [0x07; 32];
	let mut bound = caller.to_vec();
	bound.extend_from_slice(&subject);
	json!({
		"description": "PROTOCOL.md section 13: the MPC precompile's ABI and derived values",
		"address": hex0x(&PRECOMPILE_ADDRESS),
		"create_job": {
			"spec": {
				"committeeSize": spec.committeeSize, "threshold": spec.threshold,
				"dimension": spec.dimension, "decimals": spec.decimals,
				"inputWindow": spec.inputWindow, "maxInputs": spec.maxInputs,
				"minInputs": spec.minInputs,
				"allowedProviders": spec.allowedProviders.iter().map(|a| hex0x(a.as_slice())).collect::<Vec<_>>(),
				"metadata": hex0x(&spec.metadata), "rewardPerWorker": spec.rewardPerWorker.to_string(),
				"ruleKind": spec.ruleKind,
				"lows": spec.lows.iter().map(|v| v.to_string()).collect::<Vec<_>>(),
				"highs": spec.highs.iter().map(|v| v.to_string()).collect::<Vec<_>>(),
				"callbackGas": spec.callbackGas.to_string(),
			},
			"calldata": hex0x(&create),
			"returns": { "jobId": 7, "data": hex0x(&IMpc::createJobCall::abi_encode_returns(&7)) },
		},
		"job": {
			"calldata": hex0x(&IMpc::jobCall { jobId: 7 }.abi_encode()),
			"returns": {
				"owner": hex0x(owner.as_slice()), "ownerAccount": hex0x(&[0xcd; 32]), "phase": 3,
				"failure": 0, "committeeSize": 5, "threshold": 2, "dimension": 3,
				"inputCount": 12, "qualifiedCount": 11, "deadline": 1234,
				"data": hex0x(&IMpc::jobCall::abi_encode_returns(&job_return)),
			},
		},
		"result": {
			"calldata": hex0x(&IMpc::resultCall { jobId: 7 }.abi_encode()),
			"returns": {
				"ready": true, "qualifiedInputs": 11, "decimals": 2,
				"sums": sums.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
				"means": means.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
				"data": hex0x(&IMpc::resultCall::abi_encode_returns(&result_return)),
			},
		},
		"fulfill": { "calldata": hex0x(&IMpc::fulfillCall { jobId: 7 }.abi_encode()) },
		// The figures of a 3,000,000-gas callback on the dev runtime (GasScale 50,000, one
		// unit of fee per picosecond of ref_time): (3e6 + 46,875 + 10,000) * 5e4 and 3e6 * 5e4.
		"pending_callback": {
			"calldata": hex0x(&IMpc::pendingCallbackCall { jobId: 7 }.abi_encode()),
			"returns": {
				"owed": true, "consumer": hex0x(owner.as_slice()), "callbackGas": "3000000",
				"refTimeNeeded": "152843750000", "depositNeeded": "150000000000",
				"proofSizeNeeded": "262144",
				"data": hex0x(&IMpc::pendingCallbackCall::abi_encode_returns(&IMpc::pendingCallbackReturn {
					owed: true, consumer: owner, callbackGas: 3_000_000,
					refTimeNeeded: 152_843_750_000, depositNeeded: 150_000_000_000,
					proofSizeNeeded: 262_144,
				})),
			},
		},
		"cancel_job": { "calldata": hex0x(&IMpc::cancelJobCall { jobId: 7 }.abi_encode()) },
		"close_inputs": { "calldata": hex0x(&IMpc::closeInputsCall { jobId: 7 }.abi_encode()) },
		"remove_job": { "calldata": hex0x(&IMpc::removeJobCall { jobId: 7 }.abi_encode()) },
		"next_round": { "calldata": hex0x(&IMpc::nextRoundCall {}.abi_encode()) },
		"callback": {
			"jobId": 7, "completed": true,
			"sums": sums.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
			"qualifiedInputs": 11,
			"calldata": hex0x(&callback),
		},
		"events": { "JobCreated": created, "CallbackDelivered": delivered },
		"decode_output": scalars,
		"means": floors,
		"randomness": {
			"rho": hex0x(&rho), "caller": hex0x(&caller), "subject": hex0x(&subject),
			"calldata": hex0x(&IMpc::randomnessCall { round: 3, subject: FixedBytes(subject) }.abi_encode()),
			"value": hex0x(&subject_value(&rho, &bound)),
		},
	})
}

#[test]
fn contracts_vectors_match() {
	let built = build();
	if std::env::var_os("MPC_WRITE_VECTORS").is_some() {
		let text = serde_json::to_string_pretty(&built).expect("json") + "\n";
		std::fs::write(PATH, text).expect("write the vectors");
		return;
	}
	let text = std::fs::read_to_string(PATH).expect("contracts-v1.json");
	let stored: Value = serde_json::from_str(&text).expect("json");
	assert_eq!(stored, built, "contracts-v1.json differs from what the crate computes");
	// Spot checks against the spec's text, so that the file cannot drift with the code.
	assert_eq!(stored["address"], "0x000000000000000000000000000000000d000000");
	assert_eq!(stored["decode_output"][1]["int256"], "-1");
	assert_eq!(stored["means"][1]["mean"], "-4");
}
