// Answers of a pure function of a string, kept by argument: a batch (and the rules of one line)
// ask about the same few paths and globs over and over. Past `limit` they are all forgotten at once.

export function remembered<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    if (answers.has(key)) return answers.get(key) as T;
    if (answers.size >= limit) answers.clear();
    const answer = compute(key);
    answers.set(key, answer);
    return answer;
  };
}
