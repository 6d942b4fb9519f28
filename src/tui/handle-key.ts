// One key press -> the new state, or 'quit': the key is looked up in the keymap for the mode the UI is in.
import { type Action, actionFor, type KeyInfo, keyName, type Mode } from './keymap.js';
import { type ReduceContext, reduce, type UiState } from './ui-state.js';

export function modeOf(state: UiState): Mode {
  if (state.overlay === 'release') return 'release';
  return state.filtering ? 'filter' : 'browse';
}

export function keyAction(state: UiState, input: string, key: KeyInfo): Action | null {
  return actionFor(modeOf(state), keyName(input, key));
}

export function handleKey(
  state: UiState,
  input: string,
  key: KeyInfo,
  context: ReduceContext,
): UiState | 'quit' {
  const action = keyAction(state, input, key);
  if (action === 'quit') return 'quit';
  const current = state.notice && action ? { ...state, notice: null } : state;
  return action ? reduce(current, action, context, keyName(input, key) ?? '') : state;
}
