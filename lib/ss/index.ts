export { parseSs, isLoopbackAddress, EMPTY_INPUT_ERROR, NOT_SS_ERROR, NETSTAT_ERROR } from "./parse-ss";
export type { SsProtocol, SsSocket, SsSkipped, SsParseResult } from "./parse-ss";
