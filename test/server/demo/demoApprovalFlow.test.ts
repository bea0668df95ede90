import { describe, expect, it } from 'vitest'
import { APPROVAL_RESPONSE_SCHEMA } from '../../../src/server/demo/demoApprovalFlow'
import { callsOf, demoConversation, textOf, type Ev } from './demoConversation'

const titles = (state: unknown) =>
  (state as { tasks: Array<{ title: string }> }).tasks.map((t) => t.title)

const resultOf = (events: Ev[], toolCallId: string) => {
  const result = events.find((e) => e.type === 'TOOL_CALL_RESULT' && e.toolCallId === toolCallId)
  return result && JSON.parse(result.content)
}

describe('demo agent: gated backend tools (approval interrupts)', () => {
  it('asks to approve delete_task and send_report in one RUN_FINISHED with two tool_call interrupts', async () => {
    const chat = demoConversation()
    const turn = await chat.run({ user: 'Delete all done tasks and email me the report' })
    const calls = callsOf(turn.events)
    expect(calls).toEqual([
      {
        id: 'run-1-delete-task-1',
        name: 'delete_task',
        args: { taskId: 'task-1', title: 'Read the AG-UI event list' },
      },
      {
        id: 'run-1-send-report',
        name: 'send_report',
        args: {
          to: 'team@example.com',
          subject: 'Task report (2 tasks)',
          body: '[x] Read the AG-UI event list\n[ ] Try the demo chat',
        },
      },
    ])
    expect(turn.events.some((e) => e.type === 'TOOL_CALL_RESULT')).toBe(false)
    expect(turn.last).toEqual({
      type: 'RUN_FINISHED',
      threadId: 'thread-hitl',
      runId: 'run-1',
      outcome: {
        type: 'interrupt',
        interrupts: [
          {
            id: 'run-1-delete-task-1-approval',
            reason: 'tool_call',
            toolCallId: 'run-1-delete-task-1',
            message: 'Delete the task “Read the AG-UI event list”?',
            responseSchema: APPROVAL_RESPONSE_SCHEMA,
          },
          {
            id: 'run-1-send-report-approval',
            reason: 'tool_call',
            toolCallId: 'run-1-send-report',
            message: 'Send the task report to team@example.com?',
            responseSchema: APPROVAL_RESPONSE_SCHEMA,
          },
        ],
      },
      usage: [expect.objectContaining({ model: 'demo-scripted-1' })],
    })
    expect(textOf(turn.events, 'run-1-approval-intro')).toBe(
      'I need your approval to delete “Read the AG-UI event list”, and to send the task report to team@example.com.',
    )
  })

  it('resume: approved runs the tool (result, state change, reply); denied does not and quotes the reason', async () => {
    const chat = demoConversation()
    await chat.run({ user: 'delete all done tasks and send the report' })
    const turn = await chat.run({
      resume: [
        {
          interruptId: 'run-1-delete-task-1-approval',
          status: 'resolved',
          payload: { approved: true },
        },
        {
          interruptId: 'run-1-send-report-approval',
          status: 'resolved',
          payload: { approved: false, reason: 'not before Friday' },
        },
      ],
    })
    expect(turn.events.some((e) => e.type === 'STATE_SNAPSHOT')).toBe(false)
    expect(resultOf(turn.events, 'run-1-delete-task-1')).toEqual({
      ok: true,
      deleted: { id: 'task-1', title: 'Read the AG-UI event list', done: true },
    })
    expect(resultOf(turn.events, 'run-1-send-report')).toEqual({
      ok: false,
      status: 'denied',
      reason: 'not before Friday',
    })
    expect(titles(turn.state)).toEqual(['Try the demo chat'])
    expect((turn.state as { reports?: unknown }).reports).toBeUndefined()
    expect(textOf(turn.events, 'run-2-resume-reply')).toBe(
      'Deleted **Read the AG-UI event list**.\n\nI did not send the report to **team@example.com**: you denied it (“not before Friday”).',
    )
    expect(turn.last.outcome).toEqual({ type: 'success' })
    // Each result follows its own call in the thread; nothing is open any more.
    const roles = turn.messages.map((m) => `${m.role}:${m.id}`)
    expect(roles).toEqual([
      'user:u1',
      'assistant:run-1-approval-intro',
      'tool:run-1-delete-task-1-result',
      'tool:run-1-send-report-result',
      'assistant:run-2-resume-reply',
    ])
    const next = await chat.run({ user: 'add one more' })
    expect(next.last.type).toBe('RUN_FINISHED')
  })

  it('approve with editedArgs sends the report where the person said and records it in the state', async () => {
    const chat = demoConversation()
    await chat.run({ user: 'please send the report' })
    const turn = await chat.run({
      resume: [
        {
          interruptId: 'run-1-send-report-approval',
          status: 'resolved',
          payload: { approved: true, editedArgs: { to: 'me@example.org' } },
        },
      ],
    })
    expect(resultOf(turn.events, 'run-1-send-report')).toEqual({
      ok: true,
      sent: {
        id: 'report-1',
        to: 'me@example.org',
        subject: 'Task report (2 tasks)',
        taskCount: 2,
      },
    })
    expect((turn.state as { reports: unknown[] }).reports).toHaveLength(1)
    expect(textOf(turn.events, 'run-2-resume-reply')).toBe(
      'Sent the report “Task report (2 tasks)” to **me@example.org**. (with your edits)',
    )
  })

  it('rejects invalid edited args with RUN_ERROR invalid_resume_payload and changes nothing', async () => {
    const chat = demoConversation()
    await chat.run({ user: 'send the report' })
    const before = { messages: chat.messages, state: chat.state }
    const turn = await chat.run({
      resume: [
        {
          interruptId: 'run-1-send-report-approval',
          status: 'resolved',
          payload: { approved: true, editedArgs: { to: 'not an address' } },
        },
      ],
    })
    expect(turn.events.map((e) => e.type)).toEqual(['RUN_STARTED', 'RUN_ERROR'])
    expect(turn.last.code).toBe('invalid_resume_payload')
    expect(turn.last.message).toContain('"to", an e-mail address')
    expect(turn.messages).toEqual(before.messages)
    expect(turn.state).toEqual(before.state)
  })

  it.each([
    ['no payload', undefined, 'boolean "approved"'],
    ['approved is a string', { approved: 'yes' }, 'boolean "approved"'],
    ['reason is a number', { approved: false, reason: 3 }, '"reason"'],
    ['editedArgs is an array', { approved: true, editedArgs: [] }, '"editedArgs"'],
  ])('malformed payload (%s) → RUN_ERROR invalid_resume_payload', async (_, payload, says) => {
    const chat = demoConversation()
    await chat.run({ user: 'delete the done tasks' })
    const turn = await chat.run({
      resume: [
        {
          interruptId: 'run-1-delete-task-1-approval',
          status: 'resolved',
          ...(payload !== undefined && { payload }),
        },
      ],
    })
    expect(turn.last).toMatchObject({ type: 'RUN_ERROR', code: 'invalid_resume_payload' })
    expect(turn.last.message).toContain(says)
  })

  it('a later run that leaves an approval unanswered fails with resume_incomplete; answering it works', async () => {
    const chat = demoConversation()
    await chat.run({ user: 'delete all done tasks and email the report' })
    const partial = await chat.run({
      resume: [
        {
          interruptId: 'run-1-send-report-approval',
          status: 'resolved',
          payload: { approved: true },
        },
      ],
    })
    expect(partial.last).toMatchObject({ type: 'RUN_ERROR', code: 'resume_incomplete' })
    expect(partial.last.message).toContain("'run-1-delete-task-1-approval'")
    const none = await chat.run({ user: 'hello again' })
    expect(none.last).toMatchObject({ type: 'RUN_ERROR', code: 'resume_incomplete' })

    const full = await chat.run({
      resume: [
        { interruptId: 'run-1-delete-task-1-approval', status: 'cancelled' },
        {
          interruptId: 'run-1-send-report-approval',
          status: 'resolved',
          payload: { approved: true },
        },
      ],
    })
    expect(full.last.type).toBe('RUN_FINISHED')
    expect(resultOf(full.events, 'run-1-delete-task-1')).toEqual({ ok: false, status: 'cancelled' })
    // The thread still ends with the rejected run's user message, so the agent answers it too.
    expect(titles(full.state)).toEqual([
      'Read the AG-UI event list',
      'Try the demo chat',
      'Follow up: hello again',
    ])
  })

  it('a new user message with cancelled entries closes the approvals first, then answers the message', async () => {
    const chat = demoConversation()
    await chat.run({ user: 'delete the done tasks' })
    const turn = await chat.run({
      user: 'add buy milk',
      resume: [{ interruptId: 'run-1-delete-task-1-approval', status: 'cancelled' }],
    })
    expect(textOf(turn.events, 'run-2-resume-reply')).toBe(
      'Cancelled: I did not delete **Read the AG-UI event list**.',
    )
    expect(callsOf(turn.events).map((c) => c.name)).toEqual(['add_task'])
    expect(titles(turn.state)).toEqual([
      'Read the AG-UI event list',
      'Try the demo chat',
      'buy milk',
    ])
    expect(turn.last.outcome).toEqual({ type: 'success' })
  })

  it('unknown or duplicate interrupt ids → RUN_ERROR unknown_interrupt', async () => {
    const chat = demoConversation()
    const fresh = await chat.run({
      user: 'hi',
      resume: [{ interruptId: 'nope', status: 'cancelled' }],
    })
    expect(fresh.last).toMatchObject({ type: 'RUN_ERROR', code: 'unknown_interrupt' })
    await chat.run({ user: 'delete done tasks' })
    const twice = await chat.run({
      resume: [
        { interruptId: 'run-2-delete-task-1-approval', status: 'cancelled' },
        { interruptId: 'run-2-delete-task-1-approval', status: 'cancelled' },
      ],
    })
    expect(twice.last).toMatchObject({ type: 'RUN_ERROR', code: 'unknown_interrupt' })
    expect(twice.last.message).toContain('twice')
  })

  it('deletes the task that is done now, and reports one that is gone meanwhile', async () => {
    const chat = demoConversation()
    await chat.run({ user: 'delete done tasks' })
    chat.setState({ tasks: [{ id: 'task-2', title: 'Try the demo chat', done: false }] })
    const turn = await chat.run({
      resume: [
        {
          interruptId: 'run-1-delete-task-1-approval',
          status: 'resolved',
          payload: { approved: true },
        },
      ],
    })
    expect(resultOf(turn.events, 'run-1-delete-task-1')).toEqual({
      ok: false,
      error: 'No task with id task-1',
    })
    expect(turn.events.some((e) => e.type === 'STATE_DELTA')).toBe(false)
  })

  it('says so when there is nothing done to delete', async () => {
    const chat = demoConversation()
    chat.setState({ tasks: [{ id: 'task-1', title: 'open', done: false }] })
    const turn = await chat.run({ user: 'delete all done tasks' })
    expect(callsOf(turn.events)).toEqual([])
    expect(textOf(turn.events, 'run-1-approval-intro')).toContain('no done tasks')
    expect(turn.last.outcome).toEqual({ type: 'success' })
  })
})
