import { defineFaultSuite } from './defineFaultSuite'
import { HTTP_KIT } from './faultScenarios'

defineFaultSuite(HTTP_KIT, 'HttpAgent (SSE, Last-Event-ID resume)')
