import type { CommandName, CommandOutput, ParsedInput } from '../../shared/commands';
import type { HandlerContext } from './context';

export type Handler<N extends CommandName> = (input: ParsedInput<N>, ctx: HandlerContext) => CommandOutput<N>;
export type Handlers = { [N in CommandName]: Handler<N> };
