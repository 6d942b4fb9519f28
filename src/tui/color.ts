// Colour on or off for the whole UI. ink's colours come from chalk, which ignores NO_COLOR, so the decision made
// once in cli/environment.ts is passed down here.
import { createContext, useContext } from 'react';

export const ColorContext = createContext(true);

/** A colour name when colour is on, nothing otherwise: use as <Text color={color('red')}>. */
export function useColor(): (name: string | undefined) => string | undefined {
  const enabled = useContext(ColorContext);
  return (name) => (enabled ? name : undefined);
}
