/**
 * Headless parts of the run error banner (Radix anatomy; exported as `ErrorBannerPrimitive.Root`,
 * ..., since `ErrorBanner` is the styled component): Root, Message, Code, Retry, Dismiss.
 */
export { Root } from './ErrorBannerRoot'
export { Message, Code, Retry, Dismiss } from './ErrorBannerParts'
export { useErrorBannerContext as useContext } from './ErrorBannerContext'
