import { createContext, type ReactNode, useContext } from "react";

/** Per-request values the server render needs outside loaders: the CSP nonce and the request id. */
type RequestInfo = { nonce?: string; requestId?: string };
const RequestInfoContext = createContext<RequestInfo>({});

export function RequestInfoProvider({ value, children }: { value: RequestInfo; children: ReactNode }) {
  return <RequestInfoContext.Provider value={value}>{children}</RequestInfoContext.Provider>;
}

export function useRequestInfo(): RequestInfo {
  return useContext(RequestInfoContext);
}
