import type { MessageSpec } from "../spec.js";
import { displayGroupList, displayGroupUpdated } from "./display-group-replies.js";
import {
  queryDisplayGroups,
  subscribeToGroupEvents,
  unsubscribeFromGroupEvents,
  updateDisplayGroup,
} from "./display-group-requests.js";

/** TWS display groups: query, subscribe, update, unsubscribe. */
export const displayGroupSpecs: readonly MessageSpec[] = [
  queryDisplayGroups,
  displayGroupList,
  subscribeToGroupEvents,
  updateDisplayGroup,
  unsubscribeFromGroupEvents,
  displayGroupUpdated,
];
