import type { MessageSpec } from "../spec.js";
import { bondContractData } from "./bond-contract-data.js";
import { contractData } from "./contract-data.js";
import { cancelContractData, contractDataEnd, reqContractData } from "./contract-requests.js";
import { deltaNeutralValidation } from "./delta-neutral-validation.js";
import {
  reqSecDefOptParams,
  securityDefinitionOptionParameter,
  securityDefinitionOptionParameterEnd,
} from "./option-chains.js";
import { familyCodes, reqFamilyCodes, reqSoftDollarTiers, softDollarTiers } from "./reference-data.js";
import { reqMatchingSymbols, symbolSamples } from "./symbol-samples.js";

/** Contracts and reference data. */
export const contractSpecs: readonly MessageSpec[] = [
  reqContractData,
  cancelContractData,
  contractData,
  bondContractData,
  contractDataEnd,
  reqMatchingSymbols,
  symbolSamples,
  reqSecDefOptParams,
  securityDefinitionOptionParameter,
  securityDefinitionOptionParameterEnd,
  reqFamilyCodes,
  familyCodes,
  reqSoftDollarTiers,
  softDollarTiers,
  deltaNeutralValidation,
];
