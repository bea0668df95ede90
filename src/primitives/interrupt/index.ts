/**
 * Headless parts of one interrupt prompt (Radix anatomy; use as `Interrupt.Root`, ...).
 * See `Interrupt.Root` for the behaviour and `InterruptPrompt` for the styled composition.
 */
export { Root } from './InterruptRoot'
export { Message, Form, Field, Submit, Cancel, Countdown, Error } from './InterruptParts'
export { useInterruptContext as useContext } from './InterruptContext'
