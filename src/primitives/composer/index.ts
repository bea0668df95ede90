/**
 * Headless parts of the message box (Radix anatomy; exported as `ComposerPrimitive.Root`, ...,
 * since `Composer` is the styled component): Root, Input, Send, Stop, Attachments,
 * AddAttachment, Error.
 */
export { Root } from './ComposerRoot'
export { Input, Send, Stop } from './ComposerParts'
export { Attachments, AddAttachment, Error } from './ComposerAttachments'
export { useComposerContext as useContext } from './ComposerContext'
