import { useEffect } from 'react';
import { ErrorBanner } from './components/ErrorBanner';
import { useApp } from './store';
import { AssessmentShell } from './views/AssessmentShell';
import { NoTokenPage } from './views/NoTokenPage';
import { StartScreen } from './views/StartScreen';

export function App() {
  const start = useApp((s) => s.start);
  const ready = useApp((s) => s.ready);
  const current = useApp((s) => s.current);
  const needsToken = useApp((s) => s.needsToken);

  useEffect(() => {
    void start();
  }, [start]);

  return (
    <div className="app" data-ready={ready ? 'true' : 'false'}>
      {needsToken ? (
        <NoTokenPage />
      ) : (
        <>
          <ErrorBanner />
          {current ? <AssessmentShell /> : ready ? <StartScreen /> : null}
        </>
      )}
    </div>
  );
}
