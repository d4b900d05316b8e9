export declare const DEV_BASE_URL: 'https://localhost:3000/';
export declare function addinBaseUrl(value: string | undefined): string;
export declare function rewriteManifestUrls(xml: string, baseUrl: string): string;
