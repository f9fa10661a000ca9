import type { MessageSpec } from "../spec.js";
import { receiveFa, replaceFaEnd } from "./fa-replies.js";
import { replaceFa, reqFa } from "./fa-requests.js";

/** Financial-advisor configuration (FA groups and aliases): requests and replies. */
export const financialAdvisorSpecs: readonly MessageSpec[] = [reqFa, receiveFa, replaceFa, replaceFaEnd];
