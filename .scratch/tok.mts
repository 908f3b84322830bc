import { entityToken } from '../src/search/entity.token.ts';
for (const id of ['stalin','mao-zedong','frus1961-63v05-p_RD1','a','']) console.log(id, entityToken(id));
