import type { ClassificationAnswers, QuestionId } from './answers';
import { type Condition, type Question, questions } from './questions';

/**
 * The guided flow: which questions the current answers call for. A question is asked when it has
 * no condition, or when the question it follows was itself asked and answered as the condition says.
 * Questions depend only on earlier ones, so one pass in questionnaire order settles all of them.
 */

type AnswerValue = boolean | readonly string[] | undefined;

export function answerOf(answers: ClassificationAnswers, id: string): AnswerValue {
  return (answers as Record<string, AnswerValue>)[id];
}

/** A condition holds only on answers to questions that were themselves asked. */
function holds(condition: Condition, answers: ClassificationAnswers, asked: ReadonlySet<string>): boolean {
  if ('anyOf' in condition) return condition.anyOf.some((c) => holds(c, answers, asked));
  if (!asked.has(condition.question)) return false;
  const value = answerOf(answers, condition.question);
  if ('is' in condition) return value === condition.is;
  if ('includes' in condition) return Array.isArray(value) && value.includes(condition.includes);
  return Array.isArray(value) && value.length > 0;
}

/** The questions these answers call for, in order. */
export function askedQuestions(answers: ClassificationAnswers): Question[] {
  const asked = new Set<string>();
  const out: Question[] = [];
  for (const q of questions) {
    if (q.when && !holds(q.when, answers, asked)) continue;
    asked.add(q.id);
    out.push(q);
  }
  return out;
}

/** Questions called for and not answered yet, in the order they are asked. */
export function unansweredQuestions(answers: ClassificationAnswers): Question[] {
  return askedQuestions(answers).filter((q) => answerOf(answers, q.id) === undefined);
}

/** The next question to put to the person, or null when the questionnaire is complete. */
export function nextQuestion(answers: ClassificationAnswers): Question | null {
  return unansweredQuestions(answers)[0] ?? null;
}

/**
 * Answers to questions the flow no longer asks (after an earlier answer changed). They are kept
 * in storage but play no part in the result, and the result says so.
 */
export function ignoredAnswers(answers: ClassificationAnswers): QuestionId[] {
  const asked = new Set(askedQuestions(answers).map((q) => q.id));
  return (Object.keys(answers) as QuestionId[]).filter((id) => answers[id] !== undefined && !asked.has(id));
}

/** An answer in plain words, for reasoning steps: "yes", "no", "none", "5, 8". */
export function describeAnswer(q: Question, value: AnswerValue): string {
  if (value === undefined) return 'not answered';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value.length === 0) return 'none';
  if (q.kind !== 'choose_many') return value.join(', ');
  return value.map((v) => q.options.find((o) => o.value === v)?.ref ?? v).join(', ');
}
