// The README's TypeScript example, compiled with the generated client by ./dev test (tsc --strict).
import {
    ApplicationsApi,
    Configuration,
    ResponseError,
    SearchApi,
    type Problem,
} from '../target/generated';

const basePath = 'https://api.jobboard.example';

/** Open postings matching a query, anonymously. */
export async function findPostings(query: string): Promise<string[]> {
    const search = new SearchApi(new Configuration({ basePath }));
    const page = await search.searchPostings({ q: query, country: 'US', limit: 20 });
    // items, title and organization are always there (required); an organization's name may be unknown (null)
    return page.items.map((hit) => `${hit.title} at ${hit.organization.name ?? 'an employer'}`);
}

/** Applies as a signed-in candidate, the resume base64-encoded; a duplicate names the existing application. */
export async function apply(accessToken: string, postingId: string, resume: Uint8Array): Promise<string> {
    const applications = new ApplicationsApi(new Configuration({ basePath, accessToken }));
    try {
        const application = await applications.applyToPosting({
            idempotencyKey: crypto.randomUUID(),
            applicationInput: {
                postingId,
                name: 'Alice Candidate',
                email: 'alice@example.org',
                consent: { privacyPolicyVersion: '2026-01', marketing: false },
                resume: { fileName: 'alice-cv.pdf', content: btoa(String.fromCharCode(...resume)) },
            },
        });
        return application.id;
    } catch (error) {
        if (error instanceof ResponseError && error.response.status === 409) {
            const problem: Problem = await error.response.json();
            if (problem.existingApplicationId) {
                return problem.existingApplicationId;
            }
        }
        throw error;
    }
}
