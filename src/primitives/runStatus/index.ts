/**
 * Headless parts of the run status line (Radix anatomy; use as `RunStatus.Root`, ...): Root,
 * Label, Spinner, Elapsed. `RunStatusLine` is the styled composition.
 */
export { Root } from './RunStatusRoot'
export { Label, Spinner, Elapsed } from './RunStatusParts'
export { useRunStatusContext as useContext } from './RunStatusContext'
