// Run by ./dev test against the running gateway (GATEWAY_URL): the compiled TypeScript client reads real answers.
import {
    Configuration,
    FeedsApi,
    PostingsApi,
    ResponseError,
    SearchApi,
    type Problem,
} from '../target/generated';

// the two things of Node.js this script uses (no @types/node: the client itself needs only fetch)
declare const process: { env: Record<string, string | undefined>; exit(code: number): never };

async function main(): Promise<void> {
    const basePath = process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080';
    const configuration = new Configuration({ basePath });

    const listed = await new PostingsApi(configuration).listPostings({ limit: 5 });
    const first = listed.items?.[0];
    if (!first?.id) {
        throw new Error('no published posting (the demo data or the end-to-end tests publish some)');
    }
    const found = await new SearchApi(configuration).searchPostings({ q: first.title, limit: 10 });
    if (found.total === undefined || found.items === undefined) {
        throw new Error('a search page without total or items');
    }
    const posting = await new PostingsApi(configuration).getPosting({ id: first.id });
    const jobPosting = await new PostingsApi(configuration).getPostingJsonLd({ id: first.id });
    if (posting.title !== first.title || jobPosting.title !== posting.title) {
        throw new Error(`the same posting reads differently: ${first.title} / ${posting.title} / ${jobPosting.title}`);
    }
    const feed = await new FeedsApi(configuration).getJobsXmlFeed();
    if (!(await feed.text()).includes(first.id)) {
        throw new Error('the XML feed does not list a searchable posting');
    }

    // an error is a typed Problem
    try {
        await new PostingsApi(configuration).getPosting({ id: '01a2206e-e027-759f-9c09-000000000000' });
        throw new Error('an unknown posting was found');
    } catch (error) {
        if (!(error instanceof ResponseError)) {
            throw error;
        }
        const problem: Problem = await error.response.json();
        if (problem.status !== 404 || !problem.type.endsWith(':not-found')) {
            throw new Error(`expected a 404 problem, got ${JSON.stringify(problem)}`);
        }
    }
    console.log(`TypeScript client: listed and searched postings, read ${first.id} as JSON and JSON-LD, found it in the `
        + 'XML feed, read a 404 as Problem');
}

main().catch((error) => {
    console.error(error);
    process.exit(1);
});
