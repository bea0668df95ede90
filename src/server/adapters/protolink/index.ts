/** Server pieces of the Protolink adapter (issue 8): the approval endpoint and its broker. Node only. */
export {
  createProtolinkApprovalRoutes,
  type ProtolinkApprovalRoutes,
  type ProtolinkApprovalRoutesOptions,
} from './createProtolinkApprovalRoutes'
export {
  createProtolinkApprovalBroker,
  type ProtolinkApprovalBroker,
  type ProtolinkApprovalBrokerOptions,
  type ApprovalDecideResult,
} from './createProtolinkApprovalBroker'
export { handleProtolinkApproval, MAX_APPROVAL_WAIT_MS } from './handleProtolinkApproval'
